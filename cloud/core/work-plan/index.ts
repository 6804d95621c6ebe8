/** The work-plan importer: a 工作要点 document (text or .docx) becomes sections, points, 责任人 and time hints. */
export { parseWorkPlan } from './parse'
export { parseWorkPlanDocx, docxText } from './docx'
export { SPRING_FESTIVAL } from './time-hints'
export type * from './types'
