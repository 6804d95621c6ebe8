/** Routes of the org sub-package. */
export const ORG_ROOT = '/packages/org/pages'
export const branchPage = (id: string) => `${ORG_ROOT}/branch/index?id=${encodeURIComponent(id)}`
export const rosterPage = (branchId: string) => `${ORG_ROOT}/roster/index?branchId=${encodeURIComponent(branchId)}`
export const memberPage = (id: string) => `${ORG_ROOT}/member/index?id=${encodeURIComponent(id)}`
export const auditPage = (branchId: string) => `${ORG_ROOT}/audit/index?branchId=${encodeURIComponent(branchId)}`
