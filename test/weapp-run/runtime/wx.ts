/**
 * The `wx` object of the stand-in. Every name WeChat's typings declare on `wx` exists (Taro wraps what it finds on
 * `wx`, as on a real client), but only the APIs below do something; calling any other records its name in
 * `missing` and throws, so a journey that reaches an API we do not stand in for fails by that name.
 *
 * What is real behind each implemented API:
 *   cloud.callFunction / cloud.uploadFile / cloud.downloadFile  the local cloud's HTTP contract, as `openid`
 *   get/set/removeStorageSync …        the person's own storage (Device), JSON-serialised like the client's
 *   chooseMedia / chooseMessageFile    files the test supplied (Device.temp paths), else the user cancels
 *   scanCode                           the result the test supplied, else the user cancels
 *   requestSubscribeMessage            only inside a tap (WeChat's rule), answered as the test said, recorded
 *                                      through POST /dev/subscriptions (the local cloud's consent sheet)
 *   onNeedPrivacyAuthorization          privacy APIs wait for the app's handler and the agree button's tap
 *   showToast / showModal / …          recorded; a modal waits for the test to answer it
 */
import fs from 'node:fs'
import path from 'node:path'

type Options = Record<string, any> & { success?: (r: any) => void; fail?: (e: any) => void; complete?: (r: any) => void }

/** Names on WeChat's `wx`, read from miniprogram-api-typings' `interface Wx`. */
let wxNames: string[] | null = null
export function wechatApiNames(): string[] {
  if (wxNames) return wxNames
  const file = require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts')
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const start = lines.findIndex((l) => /^ {4}interface Wx \{/.test(l))
  const names = new Set<string>()
  for (let i = start + 1; i < lines.length && !/^ {4}(interface|type|namespace|declare) /.test(lines[i]); i += 1) {
    const m = /^ {8}([A-Za-z0-9_]+)[<(:?]/.exec(lines[i])
    if (m) names.add(m[1])
  }
  if (names.size < 300) throw new Error(`could not read wx API names from ${file} (${names.size})`)
  wxNames = [...names]
  return wxNames
}

/** What persists for one person across launches: storage, temp files, the privacy agreement. */
export class Device {
  storage = new Map<string, string>()
  privacyAgreed = false
  private tempFiles = new Map<string, Buffer>()
  private n = 0
  /** A file as the client would hand it over: a temp path the app may upload. */
  temp(bytes: Buffer, ext: string): string {
    this.n += 1
    const p = `wxfile://tmp_${Date.now().toString(36)}_${this.n}${ext.startsWith('.') ? ext : `.${ext}`}`
    this.tempFiles.set(p, bytes)
    return p
  }
  read(filePath: string): Buffer | undefined {
    return this.tempFiles.get(filePath)
  }
}

export interface Modal {
  title: string
  content: string
  confirmText: string
  cancelText: string
  showCancel: boolean
  answered: boolean
  confirm(): void
  cancel(): void
}

/** An action sheet waiting for the person's choice. */
export interface ActionSheet {
  items: string[]
  answered: boolean
  choose(index: number): void
  cancel(): void
}

export interface Picked {
  bytes: Buffer
  name: string
}

/** What the wx object needs from the framework around it. */
export interface Host {
  openid: string
  cloudUrl: string
  device: Device
  /** In the logic realm: JSON.parse of the bundle's own realm (arrays and objects the bundle's checks accept). */
  toRealm<T>(value: T): T
  /** Runs a callback of the bundle later, with errors recorded. */
  later(fn: () => void, ms?: number): void
  userGesture(): boolean
  withGesture(fn: () => void): void
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack', o: Options): void
  selectorQuery(): unknown
  launchOptions(): Record<string, unknown>
  missing(name: string): void
  error(e: unknown, where: string): void
  /** Every wx API the bundle called, by name. */
  called: Set<string>
  toasts: { title: string; icon?: string; at: number }[]
  modals: Modal[]
  sheets: ActionSheet[]
  previews: string[]
  documents: string[]
  pullDownStops: number
  /** What the next chooseMedia / chooseMessageFile / scanCode / subscription sheet answers (first in, first out). */
  answers: {
    media: Picked[][]
    files: Picked[][]
    scans: Record<string, unknown>[]
    /** Per template id (or `default`) what the person taps; `{ errCode }` when WeChat refuses to show the sheet. */
    subscriptions: (Record<string, 'accept' | 'reject' | 'ban' | 'filter'> | { errCode: number })[]
  }
  privacyHandler: ((resolve: (o: { event: string; buttonId?: string }) => void) => void) | null
  /** The privacy prompt a privacy API is waiting on, until the agree button is tapped (or the app declines). */
  privacyWaiting: ((agreed: boolean) => void)[]
}

export const SYSTEM = {
  brand: 'devtools',
  model: 'iPhone 13',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 753,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'devtools',
  SDKVersion: '3.5.0',
  theme: 'light',
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
}

function mimeOf(name: string): string {
  const ext = path.extname(name).toLowerCase()
  return { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }[ext] ?? 'application/octet-stream'
}

const PRIVACY_APIS = new Set(['chooseMedia', 'chooseImage', 'chooseMessageFile', 'saveImageToPhotosAlbum', 'getLocation', 'chooseLocation', 'getUserProfile'])

export function createWx(host: Host, withhold: string[] = []): Record<string, unknown> {
  /** The client's async convention: success/fail/complete later; a Promise when no callback was given. */
  /** `gesture`: the callbacks run inside the user's tap (a modal's or action sheet's answer is one, for WeChat). */
  const asyncApi = (name: string, o: Options | undefined, run: () => Promise<Record<string, unknown>>, gesture = false): Promise<unknown> | undefined => {
    const opts = o ?? {}
    const hasCallback = !!(opts.success || opts.fail || opts.complete)
    const p = (async () => {
      if (PRIVACY_APIS.has(name) && !host.device.privacyAgreed) await askPrivacy(name)
      return run()
    })()
    const settled = p.then(
      (res) => {
        const out = host.toRealm({ errMsg: `${name}:ok`, ...res })
        host.later(() => {
          const callbacks = () => {
            opts.success?.(out)
            opts.complete?.(out)
          }
          if (gesture) host.withGesture(callbacks)
          else callbacks()
        })
        return out
      },
      (err: { errMsg?: string; errCode?: number; errno?: number } | Error) => {
        const errMsg = err instanceof Error ? `${name}:fail ${err.message}` : err.errMsg ?? `${name}:fail`
        const out = host.toRealm({ ...(err instanceof Error ? {} : err), errMsg })
        host.later(() => {
          opts.fail?.(out)
          opts.complete?.(out)
        })
        throw out
      },
    )
    if (hasCallback) {
      settled.catch(() => undefined)
      return undefined
    }
    return settled
  }

  /** WeChat's privacy check: the app's handler is called and the API waits for the person's answer. */
  const askPrivacy = (api: string) =>
    new Promise<void>((resolve, reject) => {
      const handler = host.privacyHandler
      if (!handler) {
        // Without a handler WeChat shows its own sheet; the stand-in has none, so the test must see this.
        reject({ errMsg: `${api}:fail privacy permission is not authorized (no onNeedPrivacyAuthorization handler)`, errno: 104 })
        return
      }
      host.privacyWaiting.push((agreed) => (agreed ? resolve() : reject({ errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 })))
      host.later(() =>
        handler((answer) => {
          if (answer?.event === 'exposureAuthorization') return
          if (answer?.event === 'agree' && !host.device.privacyAgreed) {
            host.error(new Error('onNeedPrivacyAuthorization resolved "agree" without a tap on an agreePrivacyAuthorization button'), 'privacy')
            return
          }
          const waiting = host.privacyWaiting.splice(0)
          for (const w of waiting) w(answer?.event === 'agree')
        }),
      )
    })


  const post = async (url: string, body: BodyInit, headers: Record<string, string>) => {
    const res = await fetch(url, { method: 'POST', body, headers: { 'X-Dev-OpenId': host.openid, ...headers } })
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    return { status: res.status, json }
  }

  const storageGet = (key: string) => {
    const raw = host.device.storage.get(String(key))
    return raw === undefined ? '' : host.toRealm(JSON.parse(raw))
  }
  const storageSet = (key: string, value: unknown) => {
    host.device.storage.set(String(key), JSON.stringify(value === undefined ? null : value))
  }

  const cloud: Record<string, unknown> = {
    init(o?: Options) {
      cloud.inited = o ?? {}
    },
    callFunction(o: Options) {
      return asyncApi('cloud.callFunction', o, async () => {
        if (!cloud.inited) throw new Error('wx.cloud.init has not been called')
        const { status, json } = await post(`${host.cloudUrl}/cloud/functions/${encodeURIComponent(String(o.name))}`, JSON.stringify(o.data ?? {}), { 'content-type': 'application/json' })
        if (status !== 200) throw { errMsg: `cloud.callFunction:fail ${status} ${JSON.stringify(json)}`, errCode: -504002 }
        return { result: json, requestID: `local-${Date.now()}` }
      })
    },
    uploadFile(o: Options) {
      const progress: ((r: Record<string, number>) => void)[] = []
      const task = {
        onProgressUpdate: (cb: (r: Record<string, number>) => void) => void progress.push(cb),
        offProgressUpdate: () => void progress.splice(0),
        abort: () => undefined,
      }
      const p = asyncApi('cloud.uploadFile', o, async () => {
        if (!cloud.inited) throw new Error('wx.cloud.init has not been called')
        const bytes = host.device.read(String(o.filePath))
        if (!bytes) throw new Error(`no such temp file ${o.filePath}`)
        const form = new FormData()
        form.append('cloudPath', String(o.cloudPath))
        form.append('file', new Blob([new Uint8Array(bytes)], { type: mimeOf(String(o.filePath)) }), path.basename(String(o.cloudPath)))
        const { status, json } = await post(`${host.cloudUrl}/cloud/storage`, form, {})
        const fileID = (json as { fileID?: string })?.fileID
        if (status !== 200 || !fileID) throw { errMsg: `cloud.uploadFile:fail ${status} ${JSON.stringify(json)}` }
        for (const cb of progress) host.later(() => cb(host.toRealm({ progress: 100, totalBytesSent: bytes.length, totalBytesExpectedToSend: bytes.length })))
        return { fileID, statusCode: 200 }
      })
      return p ? Object.assign(p, task) : task
    },
    downloadFile(o: Options) {
      return asyncApi('cloud.downloadFile', o, async () => {
        const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(String(o.fileID))
        if (!m) throw new Error(`not a fileID: ${o.fileID}`)
        // As wx.cloud.downloadFile does, the request carries who asks: the storage rule (cloud/storage-rules.ts) decides.
        const res = await fetch(`${host.cloudUrl}/storage/${m[1]}`, { headers: { 'X-Dev-OpenId': host.openid } })
        if (!res.ok) throw { errMsg: `cloud.downloadFile:fail ${res.status}` }
        return { tempFilePath: host.device.temp(Buffer.from(await res.arrayBuffer()), path.extname(m[1]) || '.bin'), statusCode: 200 }
      })
    },
  }

  const impl: Record<string, unknown> = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    cloud: new Proxy(cloud, {
      get(target, key) {
        if (typeof key !== 'string') return undefined
        const value = target[key]
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            host.called.add(`wx.cloud.${key}`)
            return (value as (...a: unknown[]) => unknown)(...args)
          }
        }
        if (key in target) return value
        return (..._args: unknown[]) => {
          host.missing(`wx.cloud.${key}`)
          throw new Error(`wx.cloud.${key} is not implemented by the weapp stand-in`)
        }
      },
    }),

    // Storage: the person's own, JSON-serialised.
    getStorageSync: (key: string) => storageGet(key),
    setStorageSync: (key: string, value: unknown) => storageSet(key, value),
    removeStorageSync: (key: string) => void host.device.storage.delete(String(key)),
    clearStorageSync: () => host.device.storage.clear(),
    getStorageInfoSync: () => host.toRealm({ keys: [...host.device.storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (o: Options) =>
      asyncApi('getStorage', o, async () => {
        if (!host.device.storage.has(String(o.key))) throw { errMsg: 'getStorage:fail data not found' }
        return { data: storageGet(o.key) }
      }),
    setStorage: (o: Options) => asyncApi('setStorage', o, async () => (storageSet(o.key, o.data), {})),
    removeStorage: (o: Options) => asyncApi('removeStorage', o, async () => (host.device.storage.delete(String(o.key)), {})),

    // The device.
    getSystemInfoSync: () => host.toRealm(SYSTEM),
    getSystemInfo: (o: Options) => asyncApi('getSystemInfo', o, async () => ({ ...SYSTEM })),
    getWindowInfo: () => host.toRealm({ pixelRatio: SYSTEM.pixelRatio, screenWidth: SYSTEM.screenWidth, screenHeight: SYSTEM.screenHeight, windowWidth: SYSTEM.windowWidth, windowHeight: SYSTEM.windowHeight, statusBarHeight: SYSTEM.statusBarHeight, safeArea: SYSTEM.safeArea, screenTop: 0 }),
    getDeviceInfo: () => host.toRealm({ brand: SYSTEM.brand, model: SYSTEM.model, system: SYSTEM.system, platform: SYSTEM.platform, pixelRatio: SYSTEM.pixelRatio }),
    getAppBaseInfo: () => host.toRealm({ SDKVersion: SYSTEM.SDKVersion, language: SYSTEM.language, version: SYSTEM.version, theme: SYSTEM.theme, enableDebug: false }),
    getAccountInfoSync: () => host.toRealm({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => host.toRealm(host.launchOptions()),
    getEnterOptionsSync: () => host.toRealm(host.launchOptions()),
    getMenuButtonBoundingClientRect: () => host.toRealm({ width: 87, height: 32, top: 51, right: 383, bottom: 83, left: 296 }),
    canIUse: () => true,
    nextTick: (fn: () => void) => host.later(fn),
    onAppShow: () => undefined,
    offAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppHide: () => undefined,
    onError: () => undefined,
    onUnhandledRejection: () => undefined,
    onPageNotFound: () => undefined,
    onThemeChange: () => undefined,
    offThemeChange: () => undefined,
    onMemoryWarning: () => undefined,
    reportAnalytics: () => undefined,

    // Pages.
    navigateTo: (o: Options) => host.navigate('navigateTo', o),
    redirectTo: (o: Options) => host.navigate('redirectTo', o),
    switchTab: (o: Options) => host.navigate('switchTab', o),
    reLaunch: (o: Options) => host.navigate('reLaunch', o),
    navigateBack: (o: Options) => host.navigate('navigateBack', o ?? {}),
    createSelectorQuery: () => host.selectorQuery(),
    stopPullDownRefresh: (o?: Options) => asyncApi('stopPullDownRefresh', o, async () => (host.pullDownStops++, {})),
    startPullDownRefresh: (o?: Options) => asyncApi('startPullDownRefresh', o, async () => ({})),
    pageScrollTo: (o: Options) => asyncApi('pageScrollTo', o, async () => ({})),
    setNavigationBarTitle: (o: Options) => asyncApi('setNavigationBarTitle', o, async () => ({})),

    // Feedback: recorded; a modal waits for the test.
    showToast: (o: Options) => asyncApi('showToast', o, async () => (host.toasts.push({ title: String(o.title ?? ''), icon: o.icon, at: Date.now() }), {})),
    hideToast: (o?: Options) => asyncApi('hideToast', o, async () => ({})),
    showLoading: (o: Options) => asyncApi('showLoading', o, async () => ({})),
    hideLoading: (o?: Options) => asyncApi('hideLoading', o, async () => ({})),
    showModal: (o: Options) =>
      asyncApi(
        'showModal',
        o,
        () =>
          new Promise((resolve) => {
            const modal: Modal = {
              title: String(o.title ?? ''),
              content: String(o.content ?? ''),
              confirmText: String(o.confirmText ?? '确定'),
              cancelText: String(o.cancelText ?? '取消'),
              showCancel: o.showCancel !== false,
              answered: false,
              confirm() {
                modal.answered = true
                resolve({ confirm: true, cancel: false })
              },
              cancel() {
                modal.answered = true
                resolve({ confirm: false, cancel: true })
              },
            }
            host.modals.push(modal)
          }),
        true,
      ),
    showActionSheet: (o: Options) =>
      asyncApi(
        'showActionSheet',
        o,
        () =>
          new Promise((resolve, reject) => {
            const items: string[] = Array.isArray(o.itemList) ? o.itemList.map(String) : []
            if (!items.length || items.length > 6) {
              reject({ errMsg: `showActionSheet:fail parameter error: itemList should have 1 to 6 items` })
              return
            }
            const sheet: ActionSheet = {
              items,
              answered: false,
              choose(index: number) {
                sheet.answered = true
                resolve({ tapIndex: index })
              },
              cancel() {
                sheet.answered = true
                reject({ errMsg: 'showActionSheet:fail cancel' })
              },
            }
            host.sheets.push(sheet)
          }),
        true,
      ),
    setClipboardData: (o: Options) => asyncApi('setClipboardData', o, async () => ({})),
    previewImage: (o: Options) => asyncApi('previewImage', o, async () => (host.previews.push(...(o.urls ?? [])), {})),

    // Files and the camera: what the test supplied.
    chooseMedia: (o: Options) =>
      asyncApi('chooseMedia', o, async () => {
        const files = host.answers.media.shift()
        if (!files) throw { errMsg: 'chooseMedia:fail cancel' }
        const count = Number(o.count ?? 9)
        return {
          type: 'image',
          tempFiles: files.slice(0, count).map((f) => ({ tempFilePath: host.device.temp(f.bytes, path.extname(f.name) || '.jpg'), size: f.bytes.length, fileType: 'image', width: 64, height: 48 })),
        }
      }),
    chooseMessageFile: (o: Options) =>
      asyncApi('chooseMessageFile', o, async () => {
        const files = host.answers.files.shift()
        if (!files) throw { errMsg: 'chooseMessageFile:fail cancel' }
        return { tempFiles: files.map((f) => ({ path: host.device.temp(f.bytes, path.extname(f.name)), size: f.bytes.length, name: f.name, type: 'file', time: Math.floor(Date.now() / 1000) })) }
      }),
    scanCode: (o: Options) =>
      asyncApi('scanCode', o, async () => {
        const r = host.answers.scans.shift()
        if (!r) throw { errMsg: 'scanCode:fail cancel' }
        return { scanType: 'WX_CODE', charSet: 'utf-8', result: '', rawData: '', ...r }
      }),
    downloadFile: (o: Options) =>
      asyncApi('downloadFile', o, async () => {
        const res = await fetch(String(o.url))
        return { statusCode: res.status, tempFilePath: host.device.temp(Buffer.from(await res.arrayBuffer()), path.extname(new URL(String(o.url)).pathname) || '.bin') }
      }),
    saveImageToPhotosAlbum: (o: Options) =>
      asyncApi('saveImageToPhotosAlbum', o, async () => {
        if (!host.device.read(String(o.filePath))) throw new Error(`no such file ${o.filePath}`)
        return {}
      }),
    openDocument: (o: Options) =>
      asyncApi('openDocument', o, async () => {
        if (!host.device.read(String(o.filePath))) throw new Error(`no such file ${o.filePath}`)
        host.documents.push(String(o.filePath))
        return {}
      }),

    // Subscriptions: WeChat's sheet, only from a tap, recorded in the local cloud.
    requestSubscribeMessage: (o: Options) => {
      const inTap = host.userGesture()
      return asyncApi('requestSubscribeMessage', o, async () => {
        if (!inTap) throw { errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' }
        const ids: string[] = Array.isArray(o.tmplIds) ? o.tmplIds.map(String) : []
        if (!ids.length) throw { errMsg: 'requestSubscribeMessage:fail tmplIds is empty', errCode: 10001 }
        if (ids.length > 3) throw { errMsg: 'requestSubscribeMessage:fail too many tmplIds', errCode: 20003 }
        const answer = host.answers.subscriptions.shift()
        if (!answer) {
          host.error(new Error('requestSubscribeMessage: the test supplied no answer (mp.willAnswerSubscriptions)'), 'wx.requestSubscribeMessage')
          throw { errMsg: 'requestSubscribeMessage:fail no answer supplied' }
        }
        // 20004: the person switched subscription messages off in the mini-program's settings.
        if (typeof answer.errCode === 'number') throw { errMsg: `requestSubscribeMessage:fail ${answer.errCode}`, errCode: answer.errCode }
        const choice = answer as Record<string, 'accept' | 'reject' | 'ban' | 'filter'>
        const results = Object.fromEntries(ids.map((id) => [id, choice[id] ?? choice.default ?? 'reject']))
        const { status, json } = await post(`${host.cloudUrl}/dev/subscriptions`, JSON.stringify({ results }), { 'content-type': 'application/json' })
        if (status !== 200) throw { errMsg: `requestSubscribeMessage:fail ${status} ${JSON.stringify(json)}` }
        return results
      })
    },

    // Privacy (__usePrivacyCheck__).
    onNeedPrivacyAuthorization: (cb: Host['privacyHandler']) => {
      host.privacyHandler = cb
    },
    getPrivacySetting: (o: Options) => asyncApi('getPrivacySetting', o, async () => ({ needAuthorization: !host.device.privacyAgreed, privacyContractName: '《支部工作台隐私保护指引》' })),
    requirePrivacyAuthorize: (o: Options) =>
      asyncApi('requirePrivacyAuthorize', o, async () => {
        if (!host.device.privacyAgreed) await askPrivacy('requirePrivacyAuthorize')
        return {}
      }),
    openPrivacyContract: (o: Options) => asyncApi('openPrivacyContract', o, async () => ({})),
  }

  const target: Record<string, unknown> = {}
  for (const name of wechatApiNames()) {
    target[name] = (..._args: unknown[]) => {
      host.missing(`wx.${name}`)
      throw new Error(`wx.${name} is not implemented by the weapp stand-in`)
    }
  }
  for (const [name, value] of Object.entries(impl)) {
    if (withhold.includes(name)) continue
    target[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            host.called.add(`wx.${name}`)
            return (value as (...a: unknown[]) => unknown)(...args)
          }
        : value
  }
  // A name WeChat does not have at all: reading it is fine (feature detection), calling it is not possible.
  return target
}
