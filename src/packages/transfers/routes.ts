/** Pages of the 组织关系转接 sub-package. */
export const transferListPage = (direction?: 'in' | 'out') => `/packages/transfers/pages/list/index${direction ? `?direction=${direction}` : ''}`
export const transferDetailPage = (id: string) => `/packages/transfers/pages/detail/index?id=${id}`
export const transferIssuePage = (memberId: string) => `/packages/transfers/pages/issue/index?memberId=${memberId}`
