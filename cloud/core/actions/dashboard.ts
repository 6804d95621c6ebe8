/** Actions of the committee dashboard and exports. */

export const DASHBOARD_ACTIONS = [] as const
