/**
 * H5 only (required from app.ts behind TARO_ENV, so the mini-program never carries it): what the browser needs and a
 * WeChat client gives for free.
 *
 * - The title bar: Taro 4's router draws one (#taro-navigation-bar: the page's navigationBarTitleText, a back arrow
 *   when there is a page to go back to, a home icon on a page opened directly) once app.config.ts sets
 *   `navigationStyle: 'default'`; h5-fixes.scss sizes it, and here its icons get names for screen readers.
 * - A changed URL on the same page (detail?id=A → detail?id=B typed into the address bar): Taro's router keeps the
 *   page it has, so the old record stayed on screen. The page is reopened with the new parameters instead.
 * - A sub-package that cannot be fetched (offline, a dropped connection): Taro's router throws into nowhere and the
 *   screen stays as it was. A notice says so and offers 重试.
 * - The frame never scrolls: each page scrolls inside itself (div.taro_page), under the title bar. The frame around
 *   the pages (Taro's tab-bar container, its panel, the router) is overflow hidden, but a browser still scrolls it
 *   to bring a focused field or a scrollIntoView target into view whenever a page overflows it — and then every page
 *   after opened that far up under the title bar (the reviewers' 「党费台账 ~54 px under the title bar」). The page
 *   now fits the panel (h5-fixes.scss); should anything move the frame anyway, it is put back (keepFrameStill).
 * - Back within 300 ms of opening a page blanked the screen (Taro's hide timer): unshadeCurrent.
 */
import Taro from '@tarojs/taro'

const CHUNK_ERROR = /ChunkLoadError|Loading (CSS )?chunk|dynamically imported module/i

export const isChunkError = (reason: unknown): boolean =>
  !!reason && CHUNK_ERROR.test(`${(reason as { name?: string }).name ?? ''} ${(reason as { message?: string }).message ?? String(reason)}`)

const decode = (s: string) => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * The URL the page should be showing, when the page on screen is the same page with other parameters; null when
 * it is the right one (or another page, which Taro's router opens itself).
 */
export function staleRoute(hash: string, current: { path?: string; params?: Record<string, string | undefined> } | null): string | null {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?')
  if (!current?.path || !path) return null
  const strip = (p: string) => p.replace(/^\/+/, '').split('?')[0]
  if (strip(current.path) !== strip(path)) return null
  const params = current.params ?? {}
  for (const [k, v] of new URLSearchParams(query)) {
    const shown = params[k]
    if (shown === undefined || (shown !== v && decode(shown) !== v)) return `/${strip(path)}?${query}`
  }
  return null
}

function reopenIfStale(win: Window) {
  const router = Taro.getCurrentInstance().router
  const url = staleRoute(win.location.hash, router ? { path: router.path, params: router.params } : null)
  if (url) void Taro.redirectTo({ url })
}

function labelNavigationBar(doc: Document) {
  const bar = doc.getElementById('taro-navigation-bar')
  if (!bar) return
  for (const [cls, label] of [
    ['taro-navigation-bar-back', '返回'],
    ['taro-navigation-bar-home', '回到首页'],
  ] as const) {
    const el = bar.getElementsByClassName(cls)[0]
    if (!el) continue
    el.setAttribute('role', 'button')
    el.setAttribute('aria-label', label)
    el.setAttribute('title', label)
    el.setAttribute('data-testid', cls === 'taro-navigation-bar-back' ? 'nav-back' : 'nav-home')
  }
}

const NOTICE_ID = 'h5-load-failed'

/** The page could not be fetched: say so over the page, with 重试 (which reloads only once the site answers again). */
export function showLoadFailed(doc: Document, reachable: () => Promise<boolean> = online(doc), reload = () => doc.defaultView?.location.reload()): void {
  if (doc.getElementById(NOTICE_ID)) return
  const box = doc.createElement('div')
  box.id = NOTICE_ID
  box.className = 'load-failed'
  box.setAttribute('role', 'alert')
  box.setAttribute('data-testid', 'load-failed')
  box.innerHTML =
    '<div class="load-failed__title">页面没有加载出来</div>' +
    '<div class="load-failed__text"><div>网络不通或信号太弱。</div><div>请检查网络后点“重试”。</div></div>' +
    '<button type="button" class="load-failed__retry" data-testid="load-failed-retry">重试</button>' +
    '<button type="button" class="load-failed__close" data-testid="load-failed-close">返回上一页</button>'
  const text = box.querySelector('.load-failed__text') as HTMLElement
  const retry = box.querySelector('.load-failed__retry') as HTMLButtonElement
  retry.addEventListener('click', async () => {
    retry.disabled = true
    retry.textContent = '正在重试…'
    if (await reachable()) {
      reload()
      return
    }
    text.innerHTML = '<div>仍然连不上网络。</div><div>请检查网络后再点“重试”。</div>'
    retry.disabled = false
    retry.textContent = '重试'
  })
  ;(box.querySelector('.load-failed__close') as HTMLButtonElement).addEventListener('click', () => {
    box.remove()
    doc.defaultView?.history.back()
  })
  doc.body.appendChild(box)
}

/** Whether the site answers: the page itself, fetched past every cache. */
const online = (doc: Document) => () =>
  fetch(doc.location.href.split('#')[0], { cache: 'no-store' }).then(
    (r) => r.ok,
    () => false,
  )

/** The elements around the pages that must never scroll (the pages scroll themselves). */
const FRAME = /(^|\s)(taro-tabbar__container|taro-tabbar__panel|taro_router)(\s|$)/

/** A scroll of the frame around the pages is undone at once (scroll events do not bubble: caught on the way down). */
export function keepFrameStill(doc: Document): void {
  doc.addEventListener(
    'scroll',
    (e) => {
      const el = e.target as HTMLElement | null
      if (el && el.nodeType === 1 && FRAME.test(el.className) && !/(^|\s)taro_page(\s|$)/.test(el.className) && el.scrollTop !== 0) el.scrollTop = 0
    },
    true,
  )
}

/**
 * Taro's router hides the page it leaves 300 ms later (after its slide), by a timer that going back does not cancel:
 * back within those 300 ms (a quick tap on 返回, the browser's back) showed the page, then the timer hid it — a blank
 * screen under the title bar. The page on screen (`path`, Taro's current page; its element's id) is shown again.
 */
export function unshadeCurrent(doc: Document, path: string | undefined): void {
  if (!path) return
  const el = Array.from(doc.querySelectorAll<HTMLElement>('.taro_page')).find((p) => p.id === path)
  if (el?.classList.contains('taro_page_shade')) el.classList.remove('taro_page_shade')
}

export function installH5Shell(win: Window = window): void {
  keepFrameStill(win.document)
  // After Taro's hide timer (300 ms) would have fired, on every route change.
  const unshadeLater = () => {
    for (const ms of [450, 900]) setTimeout(() => unshadeCurrent(win.document, Taro.getCurrentInstance().page?.path), ms)
  }
  Taro.eventCenter.on('__taroRouterChange', unshadeLater)
  Taro.eventCenter.on('__afterTaroRouterChange', unshadeLater)
  // The bar exists once the router has mounted the app: label it as pages are shown (a no-op once labelled).
  Taro.eventCenter.on('__taroRouterChange', () => labelNavigationBar(win.document))
  Taro.eventCenter.on('__taroRouterLaunch', () => setTimeout(() => labelNavigationBar(win.document), 0))
  // After Taro's own handling of the change (its router answers the same popstate first).
  win.addEventListener('hashchange', () => setTimeout(() => reopenIfStale(win), 120))
  win.addEventListener('unhandledrejection', (e) => {
    if (!isChunkError(e.reason)) return
    e.preventDefault()
    showLoadFailed(win.document)
  })
}
