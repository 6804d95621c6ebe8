/** Routes of the plans sub-package. */
export const PLANS_ROOT = '/packages/plans/pages'
export const plansPage = () => `${PLANS_ROOT}/plans/index`
export const importPage = (planId?: string) => `${PLANS_ROOT}/import/index${planId ? `?id=${encodeURIComponent(planId)}` : ''}`
export const assignPage = (planId: string) => `${PLANS_ROOT}/assign/index?id=${encodeURIComponent(planId)}`
export const progressPage = (planId: string) => `${PLANS_ROOT}/progress/index?id=${encodeURIComponent(planId)}`
export const pointPage = (assignmentId: string) => `${PLANS_ROOT}/point/index?id=${encodeURIComponent(assignmentId)}`
