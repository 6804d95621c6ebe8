/**
 * Building blocks shared by every area's action schemas (types/actions/*.ts): bounded text, ids, dates, paging,
 * with messages in Chinese because callers show them to people.
 */
import { z } from 'zod'
import { ACTIVITY_TYPES, COMMITTEE_POSTS, PARTY_STATUSES, ROLES } from './domain'

// Messages zod writes itself (wrong type, unknown key…) come in Chinese too: callers show them to people. zod's own
// zh-CN texts are half English and read like a parser (「无效输入：期望 string，实际接收 数字」, 「出现未知的键(key)」),
// so the common cases are phrased plainly here (zodPlainMessage); the locale stays for the rest. A schema's own
// message (text(), dateString() …) still wins over both.
z.config(z.locales.zhCN())
z.config({ customError: (issue) => zodPlainMessage(issue) })

const KIND: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', boolean: '是或否', array: '列表', object: '一组内容', date: '日期', bigint: '整数',
}

/** The parts of a zod issue the plain messages use. */
export interface PlainIssue {
  code: string
  input?: unknown
  expected?: string
  origin?: string
  minimum?: number | bigint
  maximum?: number | bigint
  inclusive?: boolean
  keys?: string[]
}

/** A plain Chinese message for the issues any payload can hit, or undefined to leave it to zod's locale. */
export function zodPlainMessage(issue: PlainIssue): string | undefined {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `不认识的字段：${(issue.keys ?? []).slice(0, 5).join('、')}`
    case 'invalid_type':
      if (issue.input === undefined) return '缺少这一项'
      return `格式不对：应为${KIND[issue.expected ?? ''] ?? '正确的格式'}`
    case 'invalid_value':
      return '不是可选的值'
    case 'invalid_format':
      return '格式不对'
    case 'too_small': {
      const n = Number(issue.minimum)
      if (issue.origin === 'string') return n <= 1 ? '不能为空' : `至少 ${n} 个字`
      if (issue.origin === 'array') return `至少 ${n} 项`
      if (issue.origin === 'number' || issue.origin === 'int') return issue.inclusive === false ? `应大于 ${n}` : `不能小于 ${n}`
      return undefined
    }
    case 'too_big': {
      const n = Number(issue.maximum)
      if (issue.origin === 'string') return `不能超过 ${n} 个字`
      if (issue.origin === 'array') return `最多 ${n} 项`
      if (issue.origin === 'number' || issue.origin === 'int') return issue.inclusive === false ? `应小于 ${n}` : `不能大于 ${n}`
      return undefined
    }
    default:
      return undefined
  }
}

/**
 * Characters XML 1.0 cannot carry (§2.2 Char): C0 controls other than tab, LF and CR, U+FFFE/U+FFFF and unpaired
 * surrogates. One of them in a name or in minutes makes the record book's word/document.xml (and the workbook's
 * sheets) malformed, so Word refuses the whole file. They are invisible when typed or pasted, so they are dropped.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
export const xmlSafe = (s: string): string => s.replace(XML_INVALID, '')

/**
 * Invisible characters that only deceive in typed text: bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069 turn 「李建国」 into a name that reads otherwise), the zero-width space, the soft hyphen (「张\u00AD三」
 * shows as 张三), the word joiner and the invisible operators (U+2060–U+2064: 「活\u2060动」 is 活动 to the eye, another
 * text to a comparison — the attacker review's feedback repeats) and the byte-order mark. Zero-width joiners stay
 * (emoji need them), but a text of nothing visible is no text (see `text`): blank-looking letters count as nothing
 * too — the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0),
 * the blank Braille pattern (U+2800), the combining grapheme joiner and variation selectors — since a reviewer passed
 * 「ㅤ」 as a reason, a comment and a name.
 */
const DECEPTIVE = /[\u00AD\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
const INVISIBLE = /[\s\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g
export const cleanText = (s: string): string => xmlSafe(s).replace(DECEPTIVE, '')
/** `s` without spaces and the invisible characters above: what a reader sees (feedback-limit.ts compares texts so). */
export const visibleOnly = (s: string): string => s.replace(INVISIBLE, '')
const hasVisible = (s: string) => visibleOnly(s).length > 0

/** Any free text from a caller: a string with the XML-invalid characters dropped (text() adds trim and bounds). */
export const plain = (params?: { error?: string }) => z.string(params).overwrite(xmlSafe)

/** Text a person typed: XML-safe, without deceptive invisible characters, trimmed, with something visible, bounded. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .overwrite(cleanText)
    .trim()
    .min(1, { error: `请填写${label}` })
    .refine(hasVisible, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字` })

/**
 * Years a date may fall in. What the app schedules (sessions, due dates, plans) lies in 2000–2100 (the plan year's
 * own bounds): a session in year 9999 would sit in every member's upcoming list, one in year 0000 in no period.
 * Dates of the past that people enter (入党日期, a branch's 成立日期) go back to 1921, the Party's founding.
 */
export const YEARS = { from: 2000, to: 2100, history: 1921 } as const
const BEIJING_MS = 8 * 3600_000

/** An instant with its offset, in the years YEARS allows as Beijing sees them. Compare instants with instantMs. */
export const isoInstant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}必须是带时区的时间（ISO 8601）` }).refine(
    (v) => {
      const year = new Date(Date.parse(v) + BEIJING_MS).getUTCFullYear()
      return year >= YEARS.from && year <= YEARS.to
    },
    { error: `${label}应在 ${YEARS.from} 年至 ${YEARS.to} 年之间` },
  )

/** Milliseconds of an ISO 8601 instant: instants with different offsets are compared by this, never as text. */
export const instantMs = (iso: string) => Date.parse(iso)
export const id = (label: string) => z.string({ error: `缺少${label}` }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${label}格式不正确` })
export const fileID = z
  .string()
  .max(512)
  .regex(/^cloud:\/\/[^\s]+$/, { error: '图片必须是云存储文件（cloud://…）' })

/** A calendar date (no time), e.g. 入党日期, from the year `from` (default 1921, see YEARS) to YEARS.to. */
export const dateOnly = (label: string, from: number = YEARS.history) =>
  z
    .string({ error: `${label}必须是日期` })
    // Messages name the form a person sees, not a code pattern: an empty field asks for the date.
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => (issue.input === '' ? `请选择${label}` : `${label}应为日期，如 2026-12-03`) })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      error: `${label}不是有效的日期`,
    })
    .refine((v) => Number(v.slice(0, 4)) >= from && Number(v.slice(0, 4)) <= YEARS.to, { error: `${label}应在 ${from} 年至 ${YEARS.to} 年之间` })
export const cursor = z.string().max(300, { error: '分页参数无效，请刷新列表' })
// Search words go into a database regex: a NUL byte there made the query fail (INTERNAL), so they are cleaned first.
export const search = z.string().overwrite(cleanText).trim().max(20, { error: '搜索词不能超过 20 个字' })
// One message for a number that is not a number, another for one out of range (0, 2.5 and 500 are numbers).
export const pageLimit = (max: number, byDefault: number) =>
  z
    .number({ error: (issue) => (issue.code === 'invalid_type' && typeof issue.input !== 'number' ? '每页条数必须是数字' : `每页条数应为 1 到 ${max} 的整数`) })
    .int()
    .min(1)
    .max(max)
    .default(byDefault)
export const inviteCode = z
  .string({ error: '请输入邀请码' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{8,16}$/, { error: '邀请码是 8 到 16 位字母或数字' })

export const role = z.enum(ROLES, { error: '角色不正确' })
export const partyStatus = z.enum(PARTY_STATUSES, { error: '党员状态只能是正式党员或预备党员' })
export const post = z.enum(COMMITTEE_POSTS, { error: '支委职务不正确' })
export const activityType = z.enum(ACTIVITY_TYPES, { error: '活动类型不正确' })
export const empty = z.object({}).strict()

export const photo = z.object({ fileID: z.string(), url: z.string().optional() })
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
