/**
 * The activity id inside a sign-in code. A wxacode opened by WeChat's scanner gives the page its `scene` option;
 * Taro.scanCode of a wxacode gives `path` = `packages/activities/pages/sign-in/index?scene=ID`; the local cloud's
 * QR image encodes `<origin>/#/<page>?scene=ID`. Ids are [A-Za-z0-9_-]{1,64}.
 */
export function sceneOf(text: string): string | null {
  const m = /[?&]scene=([^&#\s]+)/.exec(text)
  let raw = m ? m[1] : text.trim()
  try {
    raw = decodeURIComponent(raw)
  } catch {
    return null
  }
  return /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : null
}
