/** Pages of the 发展党员 sub-package. */
export const recruitListPage = (branchId?: string) => `/packages/recruitment/pages/list/index${branchId ? `?branchId=${branchId}` : ''}`
export const personPage = (id: string) => `/packages/recruitment/pages/person/index?id=${id}`
export const overviewPage = () => '/packages/recruitment/pages/overview/index'
