/** Routes of the committee sub-package (dashboard, branch detail, exports, settings). */
export const COMMITTEE_ROOT = '/packages/committee/pages'
export const dashboardPage = () => `${COMMITTEE_ROOT}/dashboard/index`
export const branchDetailPage = (id: string, year: number) => `${COMMITTEE_ROOT}/branch/index?id=${encodeURIComponent(id)}&year=${year}`
export const exportPage = (input: { kind: 'assessment'; year: number } | { kind: 'recordBook'; branchId: string; year: number }) =>
  `${COMMITTEE_ROOT}/export/index?kind=${input.kind}&year=${input.year}${input.kind === 'recordBook' ? `&branchId=${encodeURIComponent(input.branchId)}` : ''}`
export const settingsPage = () => `${COMMITTEE_ROOT}/settings/index`
