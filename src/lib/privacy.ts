/**
 * WeChat's privacy agreement (`__usePrivacyCheck__`): the first time a privacy API (choosing photos, saving an
 * image…) runs, WeChat calls our `onNeedPrivacyAuthorization` handler and waits. We keep its `resolve` here; the
 * PrivacyDialog on the page shows, and the person's tap answers it — asked, not blocked.
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

interface PrivacyState {
  resolve: Resolve | null
  ask(resolve: Resolve): void
  agree(): void
  disagree(): void
}

export const usePrivacyStore = create<PrivacyState>()((set, get) => ({
  resolve: null,
  ask(resolve) {
    // A second request while one is open: the first is declined so its API fails instead of hanging.
    get().resolve?.({ event: 'disagree' })
    set({ resolve })
    resolve({ event: 'exposureAuthorization' })
  },
  agree() {
    get().resolve?.({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
    set({ resolve: null })
  },
  disagree() {
    get().resolve?.({ event: 'disagree' })
    set({ resolve: null })
  },
}))

/** Called once at app start on weapp; older base libraries have no such API, and then nothing is registered. */
export function registerPrivacyHandler(): void {
  // Taro's types predate wx.onNeedPrivacyAuthorization (base library 2.32.3): declare it, optional, on Taro's own type.
  const taro: typeof Taro & { onNeedPrivacyAuthorization?: (cb: (resolve: Resolve) => void) => void } = Taro
  const on = taro.onNeedPrivacyAuthorization
  if (typeof on !== 'function') return
  on((resolve) => usePrivacyStore.getState().ask(resolve))
}
