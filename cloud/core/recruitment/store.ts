/**
 * The 发展党员 pipeline's records (`recruits`, one per person, the branch's record even when the person is not a
 * user) and the committee's local settings (`recruitment_settings`), and how a record is shown to a reader.
 */
import { extensionOf, fileKind, type MaterialKey, type PersonStatus } from '../../../types/recruitment'
import { collection } from '../framework/data'
import type { Port } from '../framework/port'
import { isCollectionMissing } from '../framework/errors'
import { daysBetween } from '../framework/time'
import { dueItems, NATIONAL_DEFAULTS, probationEnd, statusOf, type RecruitmentSettings, type StepEntry, type StepLog } from './rules'
import { MATERIAL_TITLES, MATERIALS, PERSONAL_MATERIALS, STAGE_TITLES, STAGES, STATUS_LABELS, STEP_BY_CODE, STEPS, type StepCode } from './steps'

export interface Actor {
  openid: string
  name: string
}

/** One recorded step: the rules' facts plus what the record shows. */
export interface RecruitEntry extends StepEntry {
  note?: string | null
  files?: string[]
  hours?: number | null
  /** 政审结论 (personal data). */
  result?: string | null
  /** 谈话人 (steps 2 and 16). */
  talker?: string | null
  /** Corrections (recruitment.correct): the entry as it was before each, who and why. */
  corrections?: { at: Date; by: Actor; reason: string; before: { on: string; note: string | null }; /** The recorded fields changed, in words (「谈话人 李四 → 李明」). */ changes?: string[] }[]
  reason?: string | null
  activityId?: string | null
  votes?: { for: number; against: number; abstain: number } | null
  /** 培养联系人 / 入党介绍人 (roster ids). */
  people?: string[]
  by: Actor
  at: Date
}

export interface RecruitDoc {
  _id: string
  branchId: string
  name: string
  appliedOn: string
  status: PersonStatus
  /** The roster entry once 编入党支部 (or the roster member whose 预备期 this record follows). */
  memberId: string | null
  contacts: string[]
  introducers: string[]
  log: Partial<Record<StepCode, RecruitEntry[]>>
  materials: Partial<Record<MaterialKey, MaterialDoc>>
  /**
   * `what` is what every reader sees; a line about files keeps their names apart (`fileNames`, shown to the keepers
   * only: a 宣传委员 read 「…添加附件：政审B2.pdf」 in the history while the files were hidden — attacker finding).
   */
  history: { at: Date; by: Actor; what: string; fileNames?: string[]; exception: { rule: string; reason: string } | null }[]
  /** Made from a roster 预备党员 (recruitment.fromRoster): steps before the 预备期 were never kept here. */
  imported?: boolean
  /** The nearest deadline (YYYY-MM-DD) or null: reminders and the to-do query on it, page by page. */
  nextDueOn: string | null
  version: number
  createdAt: Date
  updatedAt: Date
}

/** A checklist item: done or not, its files (fileIDs) and the names they were picked with (recruitment.attach). */
export interface MaterialDoc {
  done: boolean
  on: string | null
  files: string[]
  note: string | null
  /** The file's name as picked (申请书.jpg); files attached before names were kept, or through a step, have none. */
  names?: { fileID: string; name: string }[]
}


/**
 * A material's files as shown: each with its name (as picked; else 「入党申请书 2.pdf」 from the title and the stored
 * file's extension) and whether it is a picture.
 */
export function materialFiles(key: MaterialKey, m: MaterialDoc | undefined) {
  return (m?.files ?? []).map((fileID, i) => {
    const name = m?.names?.find((x) => x.fileID === fileID)?.name ?? `${MATERIAL_TITLES[key]} ${i + 1}${extensionOf(fileID) ? `.${extensionOf(fileID)}` : ''}`
    return { fileID, name, kind: fileKind(name) }
  })
}

/** recruitment_settings/committee: the committee's local rules (missing keys: the national defaults). */
export type RecruitmentSettingsDoc = Partial<RecruitmentSettings> & { _id: string; updatedAt?: Date }

const SETTINGS_ID = 'committee'

/** The committee's settings over the national defaults (a missing collection or document: the defaults). */
export async function loadSettings(port: Port): Promise<RecruitmentSettings> {
  try {
    const { data } = await collection(port, 'recruitment_settings').where({ _id: SETTINGS_ID }).limit(1).get()
    const saved: Partial<RecruitmentSettings> = data[0] ?? {}
    const out = { ...NATIONAL_DEFAULTS }
    for (const k of Object.keys(NATIONAL_DEFAULTS) as (keyof RecruitmentSettings)[]) {
      const v = saved[k]
      if (typeof v === 'number') out[k] = v
    }
    return out
  } catch (error) {
    if (isCollectionMissing(error)) return { ...NATIONAL_DEFAULTS }
    throw error
  }
}

export async function saveSettings(port: Port, settings: RecruitmentSettings): Promise<void> {
  await port.db.createCollection('recruitment_settings').catch(() => undefined)
  const settingsDocs = collection(port, 'recruitment_settings')
  const { data } = await settingsDocs.where({ _id: SETTINGS_ID }).limit(1).get()
  if (data.length) await settingsDocs.doc(SETTINGS_ID).update({ data: { ...settings, updatedAt: port.now() } })
  else await settingsDocs.add({ data: { _id: SETTINGS_ID, ...settings, updatedAt: port.now() } })
}

/** Status and nearest deadline, recomputed from the log on every write. */
export function derived(log: StepLog, s: RecruitmentSettings): { status: PersonStatus; nextDueOn: string | null } {
  const due = dueItems(log, s).map((d) => d.dueOn).sort()
  return { status: statusOf(log), nextDueOn: due[0] ?? null }
}

function nextStep(doc: RecruitDoc) {
  if (doc.status === 'stopped') return null
  if (doc.status === 'full') {
    const archive = STEP_BY_CODE.archive
    return (doc.log.archive ?? []).length ? null : { n: archive.n, code: archive.code, title: archive.title }
  }
  const after = doc.log.confirm_congress?.at(-1)?.outcome === 'extend' && !(doc.log.confirm_approval ?? []).length
  for (const s of STEPS) {
    if (s.repeatable || (doc.imported && STEP_BY_CODE[s.code].stage !== 'probation')) continue
    if (after && (s.code === 'confirm_apply' || s.code === 'confirm_congress')) {
      const last = doc.log.confirm_congress!.at(-1)!
      if (s.code === 'confirm_apply' && !(doc.log.confirm_apply ?? []).some((e) => e.on >= last.on)) return { n: s.n, code: s.code, title: s.title }
      if (s.code === 'confirm_congress' && (doc.log.confirm_congress ?? []).at(-1)!.outcome === 'extend') return { n: s.n, code: s.code, title: s.title }
    }
    if (!(doc.log[s.code] ?? []).length) return { n: s.n, code: s.code, title: s.title }
  }
  return null
}

export function presentSummary(doc: RecruitDoc, s: RecruitmentSettings, today: string) {
  const due = dueItems(doc.log, s)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .map((d) => ({ ...d, daysLeft: daysBetween(today, d.dueOn) }))
  return {
    id: doc._id,
    branchId: doc.branchId,
    name: doc.name,
    status: doc.status,
    statusLabel: STATUS_LABELS[doc.status],
    appliedOn: doc.appliedOn,
    nextStep: nextStep(doc),
    due: due[0] ?? null,
    probationEndsOn: probationEnd(doc.log),
    memberId: doc.memberId,
    dueItems: due,
  }
}

/** Whether a step's entries are personal data hidden from a reader without personal rights (政审, personal materials). */
export function hiddenStep(code: StepCode, personal: boolean): boolean {
  const material = STEP_BY_CODE[code].material
  return !personal && (code === 'vetting' || (!!material && PERSONAL_MATERIALS.includes(material)))
}

/** A history line about files: 「材料「入党申请书」添加附件 2 个」 for everyone, the names apart for the keepers. */
export function fileLine(head: string, names: string[]): { what: string; fileNames: string[] } {
  return { what: `${head} ${names.length} 个`, fileNames: names }
}

/**
 * A history line as `personal` (the secretary, the 组织委员, the committee) or another reader sees it: the keepers read
 * the files' names (「材料「入党申请书」添加附件：申请书照片.jpg」), nobody else does — lines written before the names were
 * kept apart carried them in `what` and lose them here (「材料「政治审查材料」删除附件」).
 */
function historyWhat(h: RecruitDoc['history'][number], personal: boolean): string {
  if (h.fileNames?.length) return personal ? `${h.what.replace(/ \d+ 个$/, '')}：${h.fileNames.join('、')}` : h.what
  if (personal) return h.what
  return /^(材料「[^」]+」(?:添加|删除)附件)：/.exec(h.what)?.[1] ?? h.what
}

/**
 * A person's file as `reader` may see it: the 政审 conclusion and the personal materials' files are left out unless
 * the reader is the secretary, the 组织委员 or the committee (`personal`).
 */
export function presentDetail(doc: RecruitDoc, s: RecruitmentSettings, today: string, names: Map<string, string>, personal: boolean) {
  const { dueItems: due, ...summary } = presentSummary(doc, s, today)
  const person = (id: string) => ({ id, name: names.get(id) ?? '（已不在花名册）' })
  const showEntry = (code: StepCode, e: RecruitEntry) => {
    const hidden = hiddenStep(code, personal)
    return {
      on: e.on,
      note: hidden ? null : (e.note ?? null),
      // Files are listed (and opened, recruitment.file) only for the secretary, the 组织委员 and the committee.
      files: hidden || !personal ? [] : (e.files ?? []),
      from: e.from ?? null,
      to: e.to ?? null,
      hours: e.hours ?? null,
      result: hidden ? null : (e.result ?? null),
      talker: e.talker ?? null,
      corrections: hidden ? [] : (e.corrections ?? []).map((c) => ({ at: new Date(c.at).toISOString(), by: c.by.name, reason: c.reason, before: { on: c.before.on, note: c.before.note }, changes: c.changes ?? [] })),
      approved: e.approved ?? null,
      outcome: e.outcome ?? null,
      extensionMonths: e.extensionMonths ?? null,
      reason: e.reason ?? null,
      activityId: e.activityId ?? null,
      votes: e.votes ?? null,
      people: (e.people ?? []).map(person),
      // The committee's reason for an exception on a hidden step speaks of the person's 政审: hidden with it.
      exception: hidden ? null : (e.exception ?? null),
      by: e.by.name,
      at: new Date(e.at).toISOString(),
      hidden,
    }
  }
  return {
    ...summary,
    dueItems: due,
    version: doc.version,
    imported: !!doc.imported,
    contacts: doc.contacts.map(person),
    introducers: doc.introducers.map(person),
    personalHidden: !personal,
    stages: STAGES.map((stage) => ({
      code: stage,
      title: STAGE_TITLES[stage],
      steps: STEPS.filter((x) => x.stage === stage).map((x) => ({
        n: x.n,
        code: x.code,
        title: x.title,
        actor: x.actor,
        records: x.records,
        ruleText: x.ruleText ?? null,
        source: x.source,
        repeatable: !!x.repeatable,
        fields: x.fields,
        superiorDecision: !!x.superiorDecision,
        entries: (doc.log[x.code] ?? []).map((e) => showEntry(x.code, e)),
      })),
    })),
    materials: MATERIALS.map((key) => {
      const m = doc.materials[key]
      const hidden = !personal && PERSONAL_MATERIALS.includes(key)
      return { key, title: MATERIAL_TITLES[key], done: !!m?.done, on: m?.on ?? null, files: personal ? materialFiles(key, m) : [], fileCount: m?.files.length ?? 0, note: hidden ? null : (m?.note ?? null), hidden }
    }),
    history: doc.history.map((h) => {
      // A step's line begins 「第N步」 (recordStep): a hidden step's line keeps its title and date, not the exception's reason.
      const n = Number(/^第(\d+)步/.exec(h.what)?.[1])
      const code = STEPS.find((x) => x.n === n)?.code
      const hidden = !!code && hiddenStep(code, personal)
      return { at: new Date(h.at).toISOString(), by: h.by.name, what: historyWhat(h, personal), exception: hidden ? null : h.exception }
    }),
  }
}
