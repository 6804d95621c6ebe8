/**
 * The 发展党员 pipeline as data: five stages, 25 steps, per 《中国共产党发展党员工作细则》 (中共中央办公厅, 2014; “细则”)
 * and the 党章. One row per step: who acts, what is recorded, which steps must come first, the time rule that
 * applies (its code names a pure function in ./rules.ts; `ruleText` is what a person reads). Nothing in the actions
 * is written per step: recruitment.record reads this table, rules.ts checks it, the screen lists it.
 */
import type { MaterialKey, PersonStatus, Stage, StepCode } from '../../../types/recruitment'

export { MATERIAL_TITLES, MATERIALS, STAGE_TITLES, STAGES, STATUS_LABELS, STEP_CODES } from '../../../types/recruitment'
export type { MaterialKey, PersonStatus, Stage, StepCode }

/** Fields a step may record (beyond its date, note and files, which every step has). */
export type StepField = 'contacts' | 'introducers' | 'result' | 'period' | 'hours' | 'congress' | 'approval' | 'outcome' | 'group' | 'talker'

/** A time rule's code; rules.ts stepRefusal and dueItems implement each. */
export type TimeRule =
  | 'talk_within_month'
  | 'activist_one_year'
  | 'before_congress'
  | 'approval_within_months'
  | 'probation_end'
  | 'confirm_approval_within_months'

export interface StepDef {
  n: number
  code: StepCode
  stage: Stage
  title: string
  /** Who acts (as the 细则 says). */
  actor: string
  /** What is recorded. */
  records: string
  /** Steps that must be done first. */
  after: StepCode[]
  /** Fields the step requires. */
  fields: StepField[]
  /** Recorded more than once (考察 every half year). */
  repeatable?: boolean
  /** The status a person has once this step is done. */
  becomes?: PersonStatus
  rule?: TimeRule
  ruleText?: string
  /** Where the rule comes from. */
  source: string
  /** The materials-checklist item this step's files belong to. */
  material?: MaterialKey
  /**
   * The 上级党委's own decision (预审, 接收预备党员的审批, 转正的审批: 细则第十九条、第二十五条、第三十四条): only the
   * committee records it, so a branch cannot write its own approval.
   */
  superiorDecision?: true
}

/**
 * The input fields each StepField stands for (recruitment.record): a step takes only its own, beside its date, note,
 * files, version and the committee's exception reason. A field another step defines is refused, so nothing a step
 * does not show (or hide) is stored with it — a 政审 conclusion typed into the talk would be read by anyone.
 */
export const FIELD_INPUTS: Record<StepField, readonly string[]> = {
  contacts: ['people'],
  introducers: ['people'],
  result: ['result'],
  period: ['from', 'to'],
  hours: ['hours'],
  congress: ['activityId', 'votes'],
  approval: ['approved', 'reason'],
  outcome: ['outcome', 'extensionMonths', 'reason'],
  group: ['groupId'],
  talker: ['talker'],
}
export const COMMON_INPUTS: readonly string[] = ['recruitId', 'step', 'on', 'note', 'files', 'exceptionReason', 'version']

/** Chinese names of the input fields, for the refusal. */
export const INPUT_LABELS: Record<string, string> = {
  people: '人员', result: '政审结论', from: '开始日期', to: '结束日期', hours: '学时', activityId: '支部党员大会', votes: '表决票数',
  approved: '是否批准', reason: '原因', outcome: '讨论结果', extensionMonths: '延长期限', groupId: '党小组', talker: '谈话人',
}

/**
 * The recorded fields recruitment.correct may change (users' walk: a mistyped 谈话人 could only be withdrawn): the
 * step's own among these. The 支部大会, the approval, the 转正 outcome and the 党小组 change status or the roster and
 * are withdrawn and recorded again.
 */
export const CORRECTABLE_INPUTS: readonly string[] = ['talker', 'people', 'result', 'from', 'to', 'hours']
/** The correctable fields `step` records. */
export const correctableInputs = (step: StepDef) => step.fields.flatMap((f) => FIELD_INPUTS[f]).filter((k) => CORRECTABLE_INPUTS.includes(k))

/** Input fields `step` does not take (empty when all belong to it). */
export function foreignInputs(step: StepDef, input: Record<string, unknown>): string[] {
  const own = new Set([...COMMON_INPUTS, ...step.fields.flatMap((f) => FIELD_INPUTS[f])])
  return Object.keys(input).filter((k) => input[k] !== undefined && !own.has(k))
}

/** Materials that are personal data: shown to the secretary, the 组织委员 and the committee only. */
export const PERSONAL_MATERIALS: readonly MaterialKey[] = ['vetting']

export const STEPS: readonly StepDef[] = [
  { n: 1, code: 'apply', stage: 'applicant', title: '递交入党申请书', actor: '申请人', records: '申请日期、入党申请书', after: [], fields: [], becomes: 'applicant', source: '细则第七条', material: 'application' },
  { n: 2, code: 'talk', stage: 'applicant', title: '党组织派人谈话', actor: '支部（指定党员）', records: '谈话日期、谈话人、谈话情况', after: ['apply'], fields: ['talker'], rule: 'talk_within_month', ruleText: '收到入党申请书后一个月内谈话', source: '细则第八条' },
  { n: 3, code: 'activist', stage: 'activist', title: '推荐和确定入党积极分子', actor: '支部委员会', records: '党员推荐、群团推优情况，支委会研究日期', after: ['talk'], fields: [], becomes: 'activist', source: '细则第九条、第十条' },
  { n: 4, code: 'activist_filed', stage: 'activist', title: '报上级党委备案', actor: '支部', records: '备案日期', after: ['activist'], fields: [], source: '细则第十条' },
  { n: 5, code: 'contacts', stage: 'activist', title: '指定培养联系人', actor: '支部', records: '一至二名正式党员', after: ['activist'], fields: ['contacts'], source: '细则第十一条' },
  { n: 6, code: 'inspect', stage: 'activist', title: '培养教育考察', actor: '支部、培养联系人', records: '考察日期、考察情况（每半年一次）', after: ['contacts'], fields: [], repeatable: true, source: '细则第十二条', material: 'inspections' },
  { n: 7, code: 'candidate', stage: 'candidate', title: '确定发展对象', actor: '支部委员会', records: '听取党小组、培养联系人、党员和群众意见，支委会讨论日期', after: ['inspect'], fields: [], becomes: 'candidate', rule: 'activist_one_year', ruleText: '经过一年以上培养教育和考察，每半年考察一次', source: '细则第十三条、第十二条' },
  { n: 8, code: 'candidate_filed', stage: 'candidate', title: '报上级党委备案', actor: '支部', records: '备案日期', after: ['candidate'], fields: [], source: '细则第十三条' },
  { n: 9, code: 'introducers', stage: 'candidate', title: '确定入党介绍人', actor: '支部', records: '两名正式党员', after: ['candidate'], fields: ['introducers'], source: '细则第十四条、党章第五条' },
  { n: 10, code: 'vetting', stage: 'candidate', title: '进行政治审查', actor: '支部（上级党委组织部门）', records: '政审日期、政审结论、政审材料', after: ['candidate'], fields: ['result'], source: '细则第十五条、第十六条', material: 'vetting' },
  { n: 11, code: 'training', stage: 'candidate', title: '开展集中培训', actor: '上级党委', records: '培训起止日期、学时', after: ['candidate'], fields: ['period', 'hours'], source: '细则第十七条', material: 'training' },
  { n: 12, code: 'committee_review', stage: 'admission', title: '支部委员会审查（公示）', actor: '支部委员会', records: '审查日期、公示起止日期', after: ['introducers', 'vetting', 'training'], fields: ['period'], source: '细则第十八条、第十九条', material: 'publicity' },
  { n: 13, code: 'pre_review', stage: 'admission', title: '上级党委预审', actor: '上级党委', records: '预审日期、结果', after: ['committee_review'], fields: [], source: '细则第十九条', superiorDecision: true },
  { n: 14, code: 'volunteer_form', stage: 'admission', title: '填写入党志愿书', actor: '发展对象（介绍人指导）', records: '填写日期、入党志愿书', after: ['pre_review'], fields: [], source: '细则第二十条', material: 'volunteer_form' },
  { n: 15, code: 'congress', stage: 'admission', title: '支部大会讨论', actor: '支部党员大会', records: '本工作台记录的支部党员大会（表决）、赞成/反对/弃权票数', after: ['volunteer_form'], fields: ['congress'], rule: 'before_congress', ruleText: '政审、集中培训、公示完成后召开；赞成票超过应到会有表决权的正式党员的半数', source: '细则第二十一条、第二十二条、第二十三条' },
  { n: 16, code: 'superior_talk', stage: 'admission', title: '上级党委派人谈话', actor: '上级党委', records: '谈话日期、谈话人', after: ['congress'], fields: ['talker'], source: '细则第二十四条' },
  { n: 17, code: 'approval', stage: 'admission', title: '上级党委审批', actor: '上级党委', records: '审批日期、是否批准', after: ['superior_talk'], fields: ['approval'], becomes: 'probationary', rule: 'approval_within_months', ruleText: '支部大会通过后三个月内审批，特殊情况最长不超过六个月', source: '细则第二十五条', superiorDecision: true },
  { n: 18, code: 'approval_filed', stage: 'admission', title: '再上级党组织备案', actor: '上级党委', records: '备案日期', after: ['approval'], fields: [], source: '细则第二十六条' },
  { n: 19, code: 'enrol', stage: 'admission', title: '编入党支部和党小组', actor: '支部', records: '编入花名册（预备党员）、党小组', after: ['approval'], fields: ['group'], source: '细则第二十八条' },
  { n: 20, code: 'oath', stage: 'admission', title: '入党宣誓', actor: '上级党委或支部', records: '宣誓日期', after: ['approval'], fields: [], source: '细则第二十九条、党章第六条' },
  { n: 21, code: 'probation_inspect', stage: 'probation', title: '继续教育考察', actor: '支部', records: '考察日期、考察情况', after: ['approval'], fields: [], repeatable: true, source: '细则第三十条' },
  { n: 22, code: 'confirm_apply', stage: 'probation', title: '提出转正申请', actor: '预备党员', records: '申请日期、转正申请书', after: ['approval'], fields: [], rule: 'probation_end', ruleText: '预备期满时提出（不早于期满前一个月）', source: '细则第三十二条', material: 'confirm_application' },
  { n: 23, code: 'confirm_congress', stage: 'probation', title: '支部大会讨论（转正）', actor: '支部党员大会', records: '支部党员大会（表决）、结果：按期转正 / 延长预备期（六个月至一年，写明原因）/ 取消预备党员资格', after: ['confirm_apply'], fields: ['congress', 'outcome'], rule: 'probation_end', ruleText: '预备期满后召开（预备期一年，从支部大会通过之日算起）', source: '细则第三十二条、第三十三条、党章第七条' },
  { n: 24, code: 'confirm_approval', stage: 'probation', title: '上级党委审批（转正）', actor: '上级党委', records: '审批日期、是否批准', after: ['confirm_congress'], fields: ['approval'], becomes: 'full', rule: 'confirm_approval_within_months', ruleText: '支部大会讨论后三个月内审批', source: '细则第三十四条', superiorDecision: true },
  { n: 25, code: 'archive', stage: 'probation', title: '材料归档', actor: '支部、上级党委', records: '归档日期', after: ['confirm_approval'], fields: [], source: '细则第三十五条' },
]

export const STEP_BY_CODE: Record<StepCode, StepDef> = Object.fromEntries(STEPS.map((s) => [s.code, s])) as Record<StepCode, StepDef>
