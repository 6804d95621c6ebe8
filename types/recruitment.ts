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

/**
 * Checklist items that are one document (入党申请书, 结业证明, 公示情况, 入党志愿书, 转正申请书): after its upload the
 * screen offers 「标记齐备」 (never ticks it itself). The others build up over time (思想汇报 every quarter, 考察材料
 * every half year, 政审 several papers): an upload says nothing about whether they are complete.
 */
export const SINGLE_DOCUMENT_MATERIALS: readonly MaterialKey[] = ['application', 'training', 'publicity', 'volunteer_form', 'confirm_application']

/**
 * What a checklist file may be: a photo of the paper (a scanned 申请书 is usually a phone photo; shown with
 * previewImage) or a PDF / Word / Excel document (opened with openDocument). recruitment.attach refuses anything else
 * by name; the pickers say so before uploading.
 */
export const MATERIAL_IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'heic']
export const MATERIAL_DOCUMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx']
export const MATERIAL_EXTENSIONS = [...MATERIAL_IMAGE_EXTENSIONS, ...MATERIAL_DOCUMENT_EXTENSIONS]
export const extensionOf = (name: string) => (/\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1] ?? '').toLowerCase()
export const fileKind = (name: string): 'image' | 'document' => (MATERIAL_IMAGE_EXTENSIONS.includes(extensionOf(name)) ? 'image' : 'document')
/** Why a picked file is not taken, said by name (never dropped silently); null when it is. */
export const materialFileProblem = (name: string): string | null =>
  MATERIAL_EXTENSIONS.includes(extensionOf(name)) ? null : `${name} 不是照片（JPG、PNG）或 PDF、Word、Excel 文件，未添加`
