/**
 * Fitting values to subscription-message keyword limits. WeChat answers 47003 ("argument invalid") for a value that
 * breaks its keyword type's rule and sends nothing, so every value is fitted before it leaves:
 * thing ≤ 20 characters, phrase ≤ 5, name ≤ 10 characters when it holds Chinese (20 when letters only),
 * character_string ≤ 32 printable ASCII, number ≤ 32 digits, time "2026年11月23日 08:00", date "2026年11月23日"
 * (both in Beijing time). Truncation counts code points (Array.from), so a surrogate pair is never cut in half,
 * and marks the cut with "…" where the type allows it.
 */
import dayjs from 'dayjs'
import { ZONE } from '../framework/time'
import { type KeywordType, type ReminderKind } from '../../../types/subscription-templates'
import { SUBSCRIPTION_TEMPLATES } from '../../../config/deployment'

export const KEYWORD_LIMITS: Record<'thing' | 'phrase' | 'character_string' | 'number', number> = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  number: 32,
}

/** At most `max` code points; a cut ends with …. */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value)
  if (chars.length <= max) return value
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…'
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()

export function formatTime(instant: Date): string {
  return dayjs(instant).tz(ZONE).format('YYYY年MM月DD日 HH:mm')
}

export function formatDate(dateOrInstant: string | Date): string {
  if (typeof dateOrInstant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant)) {
    const [y, m, d] = dateOrInstant.split('-')
    return `${y}年${m}月${d}日`
  }
  return dayjs(dateOrInstant).tz(ZONE).format('YYYY年MM月DD日')
}

/** A value as the keyword type accepts it. Strings for time/date must already be instants or YYYY-MM-DD. */
export function fitValue(type: KeywordType, value: string | Date | number): string {
  switch (type) {
    case 'time':
      return formatTime(value instanceof Date ? value : new Date(value))
    case 'date':
      return formatDate(value instanceof Date ? value : String(value))
    case 'number': {
      const digits = String(value).replace(/[^0-9.]/g, '')
      return (digits || '0').slice(0, KEYWORD_LIMITS.number)
    }
    case 'character_string': {
      const ascii = String(value).replace(/[^\x21-\x7e]/g, '')
      return (ascii || '-').slice(0, KEYWORD_LIMITS.character_string)
    }
    case 'name': {
      const text = collapse(String(value)) || '—'
      // Letters-only names may be 20 long; anything with Chinese (or other non-ASCII) is limited to 10.
      return truncate(text, /^[\x20-\x7e]*$/.test(text) ? 20 : 10)
    }
    case 'phrase':
      return truncate(collapse(String(value)) || '—', KEYWORD_LIMITS.phrase)
    case 'thing':
    default:
      return truncate(collapse(String(value)) || '—', KEYWORD_LIMITS.thing)
  }
}

/** The `data` of a subscription message for a reminder kind: our fields → template keywords, fitted. */
export function messageData(kind: ReminderKind, fields: Record<string, string | Date | number>): Record<string, { value: string }> {
  const spec = SUBSCRIPTION_TEMPLATES[kind]
  const data: Record<string, { value: string }> = {}
  for (const [field, { key, type }] of Object.entries(spec.keywords)) {
    if (fields[field] === undefined) continue
    data[key] = { value: fitValue(type, fields[field]) }
  }
  return data
}

/** Whether a value obeys its keyword type's limit (what the local openapi checks, as WeChat does). */
export function fitsKeyword(type: KeywordType, value: string): boolean {
  const n = Array.from(value).length
  switch (type) {
    case 'thing':
      return n >= 1 && n <= 20
    case 'phrase':
      return n >= 1 && n <= 5
    case 'name':
      return n >= 1 && (/^[\x20-\x7e]*$/.test(value) ? n <= 20 : n <= 10)
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value)
    case 'number':
      return /^[0-9.]{1,32}$/.test(value)
    case 'time':
      return /^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/.test(value)
    case 'date':
      return /^\d{4}年\d{2}月\d{2}日$/.test(value)
    default:
      return false
  }
}
