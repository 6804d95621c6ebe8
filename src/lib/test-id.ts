/**
 * Stable hooks for end-to-end tests, on H5 only: `<View {...testId('activity-item')}>`. In the weapp build the
 * condition is a constant and the attributes disappear.
 */
export function testId(id: string): Record<string, string> {
  return process.env.TARO_ENV === 'h5' ? { 'data-testid': id } : {}
}
