/** Payload hygiene that runs before any schema: size, and keys that could pollute prototypes downstream. */

/** A payload larger than this is refused before parsing (the platform itself caps callFunction at ~5 MB). */
export const MAX_PAYLOAD_CHARS = 64 * 1024
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const MAX_DEPTH = 20
/** What findForbiddenKey answers for a payload nested deeper than MAX_DEPTH. */
export const NESTED_TOO_DEEP = '(嵌套过深)'

/** The first forbidden key anywhere in `value`, or a note when it nests deeper than any action needs. */
export function findForbiddenKey(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return NESTED_TOO_DEEP
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = findForbiddenKey(item, depth + 1)
      if (bad) return bad
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return key
      const bad = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1)
      if (bad) return bad
    }
  }
  return undefined
}
