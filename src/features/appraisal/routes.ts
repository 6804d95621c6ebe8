/** Routes of the appraisal sub-package. */
export const APPRAISAL_ROOT = '/packages/appraisal/pages'
export const appraisalSheetPage = (activityId: string) => `${APPRAISAL_ROOT}/sheet/index?id=${encodeURIComponent(activityId)}`
