/** Pages of the 换届 sub-package: a branch's term, or (committee, no branch) every branch's state. */
export const termPage = (branchId?: string) => `/packages/terms/pages/term/index${branchId ? `?branchId=${branchId}` : ''}`
