/**
 * Headless Chromium (Debian's) through playwright-core, one browser context per person, at a phone's size.
 * Every page is watched: an uncaught error or a console.error (Taro swallows a page that throws while rendering
 * and only logs it) fails the test that opened it.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from './chromium'
import { startLocalCloud, type LocalCloudHandle, type StartOptions } from './local-cloud'

export const PHONE = { width: 390, height: 844 }

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium fonts-noto-cjk')
  // playwright gives every launch a fresh, empty profile directory of its own (it refuses --user-data-dir here).
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

export interface Person {
  context: BrowserContext
  page: Page
  /** Errors seen on this person's pages so far. */
  errors: string[]
}

/**
 * A new person: their own context (storage, identity), acting as `openid` in the local cloud's H5 app. A phone by
 * default; a `viewport` wider than a phone is a desk's browser window (no touch, one device pixel per CSS pixel).
 * `openid` null is a newcomer nobody has chosen yet: no dev identity, the app opened at its root.
 * Errors matching `expectedErrors` (a refusal the test provokes on purpose) are not recorded.
 */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  openid: string | null,
  viewport: { width: number; height: number } = PHONE,
  expectedErrors?: RegExp,
): Promise<Person> {
  const phone = viewport.width <= PHONE.width
  const context = await browser.newContext({ viewport, deviceScaleFactor: phone ? 2 : 1, isMobile: phone, hasTouch: phone, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  if (openid !== null)
    await context.addInitScript((id) => {
      // The same key the H5 dev-identity picker writes (src/services/dev-identity.ts).
      if (!window.localStorage.getItem('branch-desk:dev-openid')) window.localStorage.setItem('branch-desk:dev-openid', id)
    }, openid)
  const page = await context.newPage()
  const errors: string[] = []
  const record = (text: string) => {
    if (!expectedErrors?.test(text)) errors.push(text)
  }
  page.on('pageerror', (e) => record(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) record(`console.error: ${m.text()}`)
  })
  await page.goto(openid === null ? baseUrl : `${baseUrl}/#/pages/home/index`)
  return { context, page, errors }
}

/** Goes to a tab or page by its hash route and waits for Taro to show it. */
export async function goTo(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}/#/${route}`)
  await page.waitForSelector('.taro_page_show, .taro_page', { state: 'attached' })
}

/**
 * The local cloud and Chromium, started together. If either fails (Chromium missing, say), the other is stopped
 * before the error surfaces: a local cloud left running keeps jest from ever exiting.
 */
export async function startCloudAndBrowser(opts: StartOptions = {}): Promise<[LocalCloudHandle, Browser]> {
  const [cloud, browser] = await Promise.allSettled([startLocalCloud(opts), launchBrowser()])
  if (cloud.status === 'fulfilled' && browser.status === 'fulfilled') return [cloud.value, browser.value]
  if (cloud.status === 'fulfilled') await cloud.value.stop()
  if (browser.status === 'fulfilled') await browser.value.close()
  throw cloud.status === 'rejected' ? cloud.reason : (browser as PromiseRejectedResult).reason
}

/**
 * What every e2e file sets up: a local cloud and Chromium for the file (started before the file's own beforeAll
 * hooks, stopped after its own afterAll hooks and those given to `beforeStop`), one browser context per person
 * (`person`), and after each test no page error or console.error on anyone's page.
 */
export function e2eWorld(opts: StartOptions = {}) {
  let cloud: LocalCloudHandle | undefined
  let browser: Browser | undefined
  const people: Person[] = []
  const lastWords: (() => Promise<void> | void)[] = []
  beforeAll(async () => {
    ;[cloud, browser] = await startCloudAndBrowser(opts)
  })
  afterAll(async () => {
    for (const words of lastWords) await words()
    await browser?.close()
    await cloud?.stop()
  })
  afterEach(() => {
    for (const p of people) expect(p.errors).toEqual([])
  })
  return {
    get url(): string {
      if (!cloud) throw new Error('e2eWorld: the local cloud is not started yet (use it inside a hook or a test)')
      return cloud.url
    },
    /** The local cloud itself (its data directory, its admin SDK). */
    get cloud(): LocalCloudHandle {
      if (!cloud) throw new Error('e2eWorld: the local cloud is not started yet (use it inside a hook or a test)')
      return cloud
    },
    /** `openid` null: a newcomer with no identity chosen (openAs). */
    async person(openid: string | null, viewport?: { width: number; height: number }, expectedErrors?: RegExp): Promise<Person> {
      const p = await openAs(browser!, this.url, openid, viewport, expectedErrors)
      people.push(p)
      return p
    },
    /** Work that needs the cloud and the browser still up at the end (screenshots, figures): run before they stop. */
    beforeStop(words: () => Promise<void> | void): void {
      lastWords.push(words)
    },
  }
}
