/** Routes of the dues sub-package. */
export const DUES_ROOT = '/packages/dues/pages'
export const duesLedgerPage = (branchId: string) => `${DUES_ROOT}/ledger/index?branchId=${encodeURIComponent(branchId)}`
export const memberDuesPage = (memberId: string) => `${DUES_ROOT}/member/index?memberId=${encodeURIComponent(memberId)}`
