/** Reading an invitation code from what a person typed or scanned. */

export const INVITE_CODE = /^[A-Z0-9]{8,16}$/
/**
 * What an issued code looks like, for the field's placeholder: 10 characters from the cloud's alphabet (no 0/O, 1/I/L;
 * cloud/core/organisation/invite-code.ts, which the client may not import; test/unit/ui-words.test.tsx holds the two together).
 */
export const INVITE_CODE_EXAMPLE = 'K7QM3XPA9R'

/** Upper-cased, spaces and dashes removed. */
export const normalizeCode = (raw: string) => raw.replace(/[\s-]+/g, '').toUpperCase()

/**
 * The code inside a scan: a wxacode opened from the scanner gives `path` = `pages/home/index?scene=CODE`
 * (scene URL-encoded); a plain QR gives its text, which may be the code or a link with `scene=`/`code=`.
 */
export function codeFromScan(result: { path?: string; result?: string }): string | null {
  for (const text of [result.path, result.result]) {
    if (!text) continue
    const m = /[?&](?:scene|code)=([^&#]+)/.exec(text)
    const raw = m ? safeDecode(m[1]) : text
    const code = normalizeCode(raw)
    if (INVITE_CODE.test(code)) return code
  }
  return null
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
