/**
 * The vocabulary of the 发展党员 pipeline shared by the cloud and the screens: stages, statuses, step codes and the
 * materials checklist. The steps themselves (who acts, what is recorded, time rules) are the table in
 * cloud/core/recruitment/steps.ts; their rules cloud/core/recruitment/rules.ts. Plain constants only (no zod).
 */

export const STAGES = ['applicant', 'activist', 'candidate', 'admission', 'probation'] as const
export type Stage = (typeof STAGES)[number]

/** The five stages as the 细则 titles its chapters (第二章 … 第六章). */
export const STAGE_TITLES: Record<Stage, string> = {
  applicant: '入党申请',
  activist: '入党积极分子的确定和培养教育',
  candidate: '发展对象的确定和考察',
  admission: '预备党员的接收',
  probation: '预备党员的教育考察和转正',
}

/** What a person in the pipeline is called once a step is done (the label follows the last such step). */
export const STATUS_LABELS = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
  stopped: '已终止',
} as const
export type PersonStatus = keyof typeof STATUS_LABELS

export const STEP_CODES = [
  'apply',
  'talk',
  'activist',
  'activist_filed',
  'contacts',
  'inspect',
  'candidate',
  'candidate_filed',
  'introducers',
  'vetting',
  'training',
  'committee_review',
  'pre_review',
  'volunteer_form',
  'congress',
  'superior_talk',
  'approval',
  'approval_filed',
  'enrol',
  'oath',
  'probation_inspect',
  'confirm_apply',
  'confirm_congress',
  'confirm_approval',
  'archive',
] as const
export type StepCode = (typeof STEP_CODES)[number]

export const MATERIALS = [
  'application',
  'thought_reports',
  'inspections',
  'vetting',
  'training',
  'publicity',
  'volunteer_form',
  'confirm_application',
] as const
export type MaterialKey = (typeof MATERIALS)[number]
export const MATERIAL_TITLES: Record<MaterialKey, string> = {
  application: '入党申请书',
  thought_reports: '思想汇报',
  inspections: '培养教育考察材料',
  vetting: '政治审查材料',
  training: '集中培训结业证明',
  publicity: '公示情况',
  volunteer_form: '入党志愿书',
  confirm_application: '转正申请书',
}
