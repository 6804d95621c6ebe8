/** The roster's line for a 预备党员 (src/features/members/components/roster.tsx probationWords): Beijing days. */
import { probationWords } from '../../src/features/members/components/roster'

test('days left, the last day, and days since the 预备期 ended, counted in Beijing', () => {
  // 2026-10-14 16:30 UTC is already 15 October in Beijing.
  expect(probationWords('2026-10-15', new Date('2026-10-14T16:30:00Z'))).toBe('预备期至 2026年10月15日 · 今天期满')
  expect(probationWords('2026-10-15', new Date('2026-10-14T15:30:00Z'))).toBe('预备期至 2026年10月15日 · 还剩 1 天')
  expect(probationWords('2026-10-15', new Date('2026-12-02T08:00:00Z'))).toBe('预备期至 2026年10月15日 · 已满 48 天，待转正')
})
