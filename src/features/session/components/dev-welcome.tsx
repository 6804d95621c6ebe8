/**
 * The mini-program never shows the local cloud's welcome: identity comes from WeChat. See dev-welcome.h5.tsx.
 */
export function useNeedsDevWelcome(): boolean {
  return false
}

export function DevWelcome() {
  return null
}
