/** Action schemas of the committee dashboard and exports. */

export const dashboardSchemas = {} as const
