/** The work-plan importer: a 工作要点 document (text, .docx, .xlsx task table) becomes sections, points, 责任人 and time hints. */
export { parseWorkPlan } from './parse'
export { parseWorkPlanDocx, docxText } from './docx'
export { parseWorkPlanXlsx } from './xlsx'
export { parsePlanDocument } from './document'
export { SPRING_FESTIVAL } from './time-hints'
export type * from './types'
