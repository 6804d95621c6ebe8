/**
 * A stand-in for WeChat's mini-program framework that runs our real weapp build (dist/) in a Node `vm` context:
 * app.js first, then each page's files as it is opened, a sub-package's files only on the first navigation into
 * it; App/Page/Component/getApp/getCurrentPages; page lifecycles (onLoad, onShow, onReady, onHide, onUnload);
 * setData with path keys and callbacks; events dispatched to the handler the WXML binds (Taro's `eh`), bubbling
 * as WeChat bubbles them; navigation with a page stack and tab pages; the `wx` of ./wx.ts. Views are rendered by
 * WeChat's own compiled WXML (./wxml.ts). See ../README.md for what this is not.
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { createCanvasNode, type CanvasRecord } from './canvas'
import { Device, SYSTEM, createWx, type ActionSheet, type Host, type Modal, type Picked } from './wx'
import { compileWxml, isNode, textOf, walk, type Render, type WxNode } from './wxml'

export interface LaunchOptions {
  dist: string
  cloudUrl: string
  openid: string
  /** The person's phone: storage and temp files outlive one launch. */
  device?: Device
  /** The page WeChat opens first, with its query (default: app.json's first page). */
  path?: string
  /** WeChat's scene value (1001 = from the list of recent mini-programs, 1047 = scanning a mini-program code). */
  scene?: number
  /** wx APIs to leave unimplemented (to prove that a call to one fails by name). */
  withhold?: string[]
}

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
}

interface PageRecord {
  route: string
  query: Record<string, string>
  inst: Record<string, any>
  json: { usingComponents?: Record<string, string>; enablePullDownRefresh?: boolean }
  alive: boolean
  components: Map<string, ComponentInstance>
  canvases: Map<string, { node: object; record: CanvasRecord }>
  tree: WxNode | null
  dirty: boolean
}

interface ComponentInstance {
  file: string
  inst: Record<string, any>
  json: { usingComponents?: Record<string, string> }
}

const BUBBLES = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel', 'touchforcechange', 'transitionend', 'animationstart', 'animationiteration', 'animationend'])
const BROWSER_GLOBALS = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'XMLHttpRequest', 'WebSocket', 'alert', 'confirm', 'prompt']
const MAX_STACK = 10
const SETDATA_LIMIT = 1024 * 1024

/** `a.b[0].c`, `root.cn.[2].v`: the keys WeChat's setData accepts. */
export function setPath(target: Record<string, any>, key: string, value: unknown): void {
  const tokens: (string | number)[] = []
  const re = /\[(\d+)\]|([^.[\]]+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(key))) tokens.push(m[1] !== undefined ? Number(m[1]) : m[2])
  if (!tokens.length) throw new Error(`setData: bad key "${key}"`)
  let obj: any = target
  for (let i = 0; i < tokens.length - 1; i += 1) {
    const t = tokens[i]
    if (obj[t] === null || typeof obj[t] !== 'object') obj[t] = typeof tokens[i + 1] === 'number' ? [] : {}
    obj = obj[t]
  }
  obj[tokens[tokens.length - 1]] = value
}

function parseUrl(url: string, from?: string): { route: string; query: Record<string, string> } {
  const [rawPath, rawQuery = ''] = String(url).split('?')
  let route = rawPath.replace(/\.html$/, '')
  if (route.startsWith('/')) route = route.slice(1)
  else if (from) route = path.posix.normalize(path.posix.join(path.posix.dirname(from), route))
  const query: Record<string, string> = {}
  for (const pair of rawQuery.split('&').filter(Boolean)) {
    const i = pair.indexOf('=')
    // WeChat hands the query over as written (not decoded): the app decodes what it encoded.
    if (i < 0) query[pair] = ''
    else query[pair.slice(0, i)] = pair.slice(i + 1)
  }
  return { route, query }
}

export class MiniProgram implements Host {
  readonly openid: string
  readonly cloudUrl: string
  readonly device: Device
  readonly dist: string
  readonly app: AppJson
  readonly called = new Set<string>()
  readonly toasts: Host['toasts'] = []
  readonly modals: Modal[] = []
  readonly sheets: ActionSheet[] = []
  readonly previews: string[] = []
  readonly documents: string[] = []
  pullDownStops = 0
  readonly answers: Host['answers'] = { media: [], files: [], scans: [], subscriptions: [] }
  privacyHandler: Host['privacyHandler'] = null
  privacyWaiting: Host['privacyWaiting'] = []
  /** wx APIs (and canvas members) the bundle called that the stand-in does not implement, by name. */
  readonly missingApis: string[] = []
  /** Errors thrown by the bundle: in lifecycles, handlers, timers, promise callbacks, templates, console.error. */
  readonly errors: { where: string; error: string }[] = []
  readonly warnings: string[] = []
  /** Sub-package roots in the order they were loaded. */
  readonly loadedPackages: string[] = []
  readonly setDataCalls = { count: 0, bytes: 0 }

  private readonly ctx: vm.Context
  private readonly render: Render
  private readonly modules = new Map<string, { exports: any }>()
  private readonly loading: string[] = []
  private readonly pageConfigs = new Map<string, Record<string, any>>()
  private readonly componentConfigs = new Map<string, Record<string, any>>()
  private appInstance: Record<string, any> | null = null
  private stack: PageRecord[] = []
  private readonly tabPages = new Map<string, PageRecord>()
  private readonly timers = new Map<number, NodeJS.Timeout>()
  private timerId = 0
  private gesture = 0
  private closed = false
  private readonly launch: { path: string; query: Record<string, string>; scene: number }
  private readonly realmParse: (s: string) => any
  private readonly realmArray: (a: unknown[]) => unknown[]
  private webviewId = 0
  readonly wx: Record<string, any>

  private constructor(opts: LaunchOptions) {
    this.openid = opts.openid
    this.cloudUrl = opts.cloudUrl
    this.device = opts.device ?? new Device()
    this.dist = opts.dist
    this.app = JSON.parse(fs.readFileSync(path.join(this.dist, 'app.json'), 'utf8'))
    const first = parseUrl(opts.path ?? this.app.pages[0])
    this.launch = { path: first.route, query: first.query, scene: opts.scene ?? 1001 }
    this.render = compileWxml(this.dist, (message) => this.error(new Error(message), 'render'))
    this.wx = createWx(this, opts.withhold ?? [])
    const timers = {
      setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => this.timer(false, fn, ms, args),
      setInterval: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => this.timer(true, fn, ms, args),
      clearTimeout: (id: number) => this.clearTimer(id),
      clearInterval: (id: number) => this.clearTimer(id),
    }
    const consoleStandIn = {
      log() {},
      info() {},
      debug() {},
      warn: (...a: unknown[]) => void this.warnings.push(a.map(String).join(' ')),
      error: (...a: unknown[]) => this.error(a.map((x) => (x instanceof Error ? x.stack ?? x.message : String(x))).join(' '), 'console.error'),
    }
    this.ctx = vm.createContext({
      ...timers,
      console: consoleStandIn,
      wx: this.wx,
      App: (config: Record<string, any>) => this.registerApp(config),
      Page: (config: Record<string, any>) => this.registerPage(config),
      Component: (config: Record<string, any>) => this.registerComponent(config),
      Behavior: (config: unknown) => config,
      getApp: () => this.appInstance,
      getCurrentPages: () => this.realmArray(this.stack.map((p) => p.inst)),
      requirePlugin: (name: string) => {
        this.missing(`requirePlugin(${name})`)
        throw new Error(`requirePlugin is not implemented by the weapp stand-in`)
      },
      __wxConfig: JSON.parse(JSON.stringify({ ...this.app, envVersion: 'develop', platform: 'devtools' })),
    })
    this.realmParse = vm.runInContext('JSON.parse', this.ctx)
    this.realmArray = vm.runInContext('(a) => Array.from(a)', this.ctx)
  }

  /** Starts the mini-program as WeChat does: app.js, App's onLaunch/onShow, then the first page. */
  static async launch(opts: LaunchOptions): Promise<MiniProgram> {
    const mp = new MiniProgram(opts)
    running.add(mp)
    if (running.size === 1) process.on('unhandledRejection', onRejection)
    mp.load('app.js')
    if (!mp.appInstance) throw new Error('app.js did not call App()')
    const options = mp.launchOptions()
    mp.guard(() => mp.appInstance!.onLaunch?.call(mp.appInstance, mp.toRealm(options)), 'App.onLaunch')
    mp.guard(() => mp.appInstance!.onShow?.call(mp.appInstance, mp.toRealm(options)), 'App.onShow')
    if (!mp.allRoutes().includes(mp.launch.path)) throw new Error(`launch page ${mp.launch.path} is not in app.json`)
    mp.open(mp.launch.path, mp.launch.query)
    await mp.tick()
    return mp
  }

  // ─── Host (for wx.ts) ─────────────────────────────────────────────────────────────────────────────────────────

  toRealm<T>(value: T): T {
    return value === undefined ? value : this.realmParse(JSON.stringify(value))
  }

  later(fn: () => void, ms = 0): void {
    this.timer(false, fn, ms, [])
  }

  userGesture(): boolean {
    return this.gesture > 0
  }

  withGesture(fn: () => void): void {
    this.gesture += 1
    try {
      fn()
    } finally {
      this.gesture -= 1
    }
  }

  launchOptions(): Record<string, unknown> {
    return { path: this.launch.path, query: this.launch.query, scene: this.launch.scene, referrerInfo: {}, apiCategory: 'default' }
  }

  missing(name: string): void {
    if (!this.missingApis.includes(name)) this.missingApis.push(name)
  }

  error(e: unknown, where: string): void {
    const text = e instanceof Error ? `${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}` : typeof e === 'string' ? e : JSON.stringify(e)
    this.errors.push({ where, error: text })
  }

  // ─── Modules ─────────────────────────────────────────────────────────────────────────────────────────────────

  private packageOf(file: string): string | null {
    const subs = this.app.subPackages ?? this.app.subpackages ?? []
    return subs.find((s) => file.startsWith(s.root.replace(/\/?$/, '/')))?.root ?? null
  }

  private load(file: string): any {
    const cached = this.modules.get(file)
    if (cached) return cached.exports
    const pkg = this.packageOf(file)
    // WeChat downloads a sub-package on the first navigation into it; before that its modules do not exist.
    if (pkg && !this.loadedPackages.includes(pkg)) throw new Error(`module '${file}' is not defined (sub-package ${pkg} is not loaded)`)
    const abs = path.join(this.dist, file)
    if (!fs.existsSync(abs)) throw new Error(`module '${file}' is not defined`)
    const module = { exports: {} as any }
    this.modules.set(file, module)
    const wrapper = vm.runInContext(`(function (require, module, exports, ${BROWSER_GLOBALS.join(', ')}) {${fs.readFileSync(abs, 'utf8')}\n})`, this.ctx, { filename: file })
    const dir = path.posix.dirname(file)
    const req = (p: string) => {
      let target = path.posix.normalize(path.posix.join(dir, p))
      if (!target.endsWith('.js')) target += '.js'
      return this.load(target)
    }
    this.loading.push(file)
    try {
      wrapper.call(module.exports, req, module, module.exports)
    } finally {
      this.loading.pop()
    }
    return module.exports
  }

  private registerApp(config: Record<string, any>) {
    if (this.appInstance) throw new Error('App() called twice')
    this.appInstance = config
  }

  private registerPage(config: Record<string, any>) {
    const file = this.loading[this.loading.length - 1]
    if (!file) throw new Error('Page() called outside a page file')
    this.pageConfigs.set(file.replace(/\.js$/, ''), config)
  }

  private registerComponent(config: Record<string, any>) {
    const file = this.loading[this.loading.length - 1]
    if (!file) throw new Error('Component() called outside a component file')
    this.componentConfigs.set(file.replace(/\.js$/, ''), config)
  }

  private allRoutes(): string[] {
    const subs = this.app.subPackages ?? this.app.subpackages ?? []
    return [...this.app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
  }

  private isTab(route: string): boolean {
    return !!this.app.tabBar?.list.some((t) => t.pagePath === route)
  }

  // ─── Timers and errors ───────────────────────────────────────────────────────────────────────────────────────

  private timer(repeat: boolean, fn: (...a: unknown[]) => void, ms: number | undefined, args: unknown[]): number {
    if (typeof fn !== 'function') throw new TypeError('setTimeout: callback is not a function')
    const id = ++this.timerId
    if (this.closed) return id
    const run = () => {
      if (!repeat) this.timers.delete(id)
      this.guard(() => fn(...args), repeat ? 'setInterval' : 'setTimeout')
    }
    this.timers.set(id, repeat ? setInterval(run, ms ?? 0) : setTimeout(run, ms ?? 0))
    return id
  }

  private clearTimer(id: number) {
    const t = this.timers.get(id)
    if (t) {
      clearTimeout(t)
      this.timers.delete(id)
    }
  }

  private guard<T>(fn: () => T, where: string): T | undefined {
    try {
      return fn()
    } catch (e) {
      this.error(e, where)
      return undefined
    }
  }

  /** Lets due timers and promise callbacks run. */
  async tick(ms = 0): Promise<void> {
    await new Promise((r) => setTimeout(r, ms))
    await new Promise((r) => setImmediate(r))
  }

  // ─── Pages ───────────────────────────────────────────────────────────────────────────────────────────────────

  private ensurePackage(route: string) {
    const pkg = this.packageOf(route)
    if (pkg && !this.loadedPackages.includes(pkg)) this.loadedPackages.push(pkg)
  }

  private createPage(route: string, query: Record<string, string>): PageRecord {
    this.ensurePackage(route)
    if (!this.pageConfigs.has(route)) this.load(`${route}.js`)
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    const json = JSON.parse(fs.readFileSync(path.join(this.dist, `${route}.json`), 'utf8'))
    const rec: PageRecord = { route, query, inst: {}, json, alive: true, components: new Map(), canvases: new Map(), tree: null, dirty: true }
    const inst: Record<string, any> = {}
    for (const [k, v] of Object.entries(config)) if (k !== 'data') inst[k] = v
    const unimplemented = (name: string) => () => {
      this.missing(`Page.${name}`)
      throw new Error(`page.${name} is not implemented by the weapp stand-in`)
    }
    Object.assign(inst, {
      data: this.toRealm(config.data ?? {}),
      route,
      __route__: route,
      options: this.toRealm(query),
      __wxWebviewId__: ++this.webviewId,
      __wxExparserNodeId__: `page-${this.webviewId}`,
      setData: (data: Record<string, unknown>, cb?: () => void) => this.setData(rec, data, cb),
      selectComponent: unimplemented('selectComponent'),
      selectAllComponents: unimplemented('selectAllComponents'),
      createSelectorQuery: () => this.selectorQuery(rec),
      createIntersectionObserver: unimplemented('createIntersectionObserver'),
      getOpenerEventChannel: unimplemented('getOpenerEventChannel'),
      animate: unimplemented('animate'),
    })
    rec.inst = inst
    return rec
  }

  private call(rec: PageRecord, hook: string, ...args: unknown[]) {
    const fn = rec.inst[hook]
    if (typeof fn === 'function') this.guard(() => fn.apply(rec.inst, args), `${rec.route} ${hook}`)
  }

  /** A new page on top: onLoad(query), onShow, then onReady once its first view is up. */
  private open(route: string, query: Record<string, string>): PageRecord {
    const rec = this.createPage(route, query)
    this.stack.push(rec)
    if (this.isTab(route)) this.tabPages.set(route, rec)
    this.call(rec, 'onLoad', this.toRealm(query))
    this.call(rec, 'onShow')
    this.later(() => {
      if (rec.alive) this.call(rec, 'onReady')
    })
    return rec
  }

  private unload(rec: PageRecord) {
    if (!rec.alive) return
    rec.alive = false
    this.call(rec, 'onUnload')
    if (this.tabPages.get(rec.route) === rec) this.tabPages.delete(rec.route)
  }

  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack', o: Record<string, any>): void {
    const done = (err?: string) => {
      const res = this.toRealm({ errMsg: `${kind}:${err ? `fail ${err}` : 'ok'}` })
      if (err) o.fail?.(res)
      else o.success?.(res)
      o.complete?.(res)
    }
    this.later(() => {
      const err = this.guard(() => this.doNavigate(kind, o), kind)
      done(err ?? undefined)
    })
  }

  /** Answers an error text for the API's fail, or null. */
  private doNavigate(kind: string, o: Record<string, any>): string | null {
    const top = this.stack[this.stack.length - 1]
    if (kind === 'navigateBack') {
      const delta = Math.max(1, Number(o.delta ?? 1))
      if (this.stack.length <= 1) return 'cannot navigate back at first page.'
      const leaving = this.stack.splice(Math.max(1, this.stack.length - delta))
      for (const p of leaving.reverse()) this.unload(p)
      this.call(this.stack[this.stack.length - 1], 'onShow')
      return null
    }
    const { route, query } = parseUrl(String(o.url ?? ''), top?.route)
    if (!this.allRoutes().includes(route)) return `page "${route}" is not found`
    if (kind === 'navigateTo') {
      if (this.isTab(route)) return 'can not navigateTo a tabbar page'
      if (this.stack.length >= MAX_STACK) return 'webview count limit exceed'
      if (top) this.call(top, 'onHide')
      this.open(route, query)
    } else if (kind === 'redirectTo') {
      if (this.isTab(route)) return 'can not redirectTo a tabbar page'
      this.stack.pop()
      if (top) this.unload(top)
      this.open(route, query)
    } else if (kind === 'switchTab') {
      if (!this.isTab(route)) return 'can not switch to no-tabBar page'
      for (const p of this.stack.splice(0).reverse()) {
        if (this.isTab(p.route)) this.call(p, 'onHide')
        else this.unload(p)
      }
      const kept = this.tabPages.get(route)
      if (kept) {
        this.stack = [kept]
        this.call(kept, 'onShow')
      } else {
        this.open(route, {})
      }
    } else if (kind === 'reLaunch') {
      for (const p of this.stack.splice(0).reverse()) this.unload(p)
      for (const p of [...this.tabPages.values()]) this.unload(p)
      this.open(route, query)
    }
    return null
  }

  private setData(rec: { route?: string; inst: Record<string, any>; dirty?: boolean }, data: Record<string, unknown>, cb?: () => void) {
    if (!data || typeof data !== 'object') throw new TypeError('setData: data must be an object')
    const json = JSON.stringify(data)
    this.setDataCalls.count += 1
    this.setDataCalls.bytes += json.length
    // The client refuses a single setData over 1 MB.
    if (json.length > SETDATA_LIMIT) throw new Error(`setData: data exceeds 1024 KB (${Math.round(json.length / 1024)} KB)`)
    const copy = JSON.parse(json)
    for (const [k, v] of Object.entries(copy)) setPath(rec.inst.data, k, v)
    this.markDirty()
    if (typeof cb === 'function') this.later(() => cb.call(rec.inst))
  }

  private markDirty() {
    for (const p of this.stack) p.dirty = true
  }

  // ─── Rendering ───────────────────────────────────────────────────────────────────────────────────────────────

  /** The current page's view as WeChat's compiled templates render it (custom components expanded). */
  view(rec = this.top()): WxNode {
    if (!rec.dirty && rec.tree) return rec.tree
    const tree = this.render(`${rec.route}.wxml`, rec.inst.data)
    const seen = new Set<string>()
    this.expand(tree, rec.inst, rec.route, rec, seen, 'p')
    for (const [key, c] of rec.components) {
      if (!seen.has(key)) {
        rec.components.delete(key)
        this.lifetime(c, 'detached')
      }
    }
    rec.tree = tree
    rec.dirty = false
    return tree
  }

  private lifetime(c: ComponentInstance, name: 'attached' | 'detached') {
    const cfg = this.componentConfigs.get(c.file) ?? {}
    const fn = cfg.lifetimes?.[name] ?? cfg[name]
    if (typeof fn === 'function') this.guard(() => fn.call(c.inst), `${c.file} ${name}`)
  }

  /** Replaces each custom component's node content with its own template, rendered from its properties. */
  private expand(node: WxNode, owner: Record<string, any>, ownerFile: string, rec: PageRecord, seen: Set<string>, key: string) {
    Object.defineProperty(node, 'owner', { value: owner, enumerable: false, configurable: true })
    const using = (owner === rec.inst ? rec.json : [...rec.components.values()].find((c) => c.inst === owner)?.json)?.usingComponents ?? {}
    ;(node.children ?? []).forEach((child, i) => {
      if (!isNode(child)) return
      const name = Object.keys(using).find((n) => child.tag === n || child.tag === `wx-${n}`)
      const childKey = `${key}.${i}`
      if (name) {
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(ownerFile), using[name]))
        const c = this.component(rec, childKey, file)
        seen.add(childKey)
        Object.assign(c.inst.data, this.toRealm(child.attr ?? {}))
        const sub = this.render(`${file}.wxml`, c.inst.data)
        child.children = sub.children
        Object.defineProperty(child, 'owner', { value: c.inst, enumerable: false, configurable: true })
        for (const [j, g] of (child.children ?? []).entries()) if (isNode(g)) this.expandIn(g, c, rec, seen, `${childKey}.${j}`)
      } else {
        this.expand(child, owner, ownerFile, rec, seen, childKey)
      }
    })
  }

  private expandIn(node: WxNode, c: ComponentInstance, rec: PageRecord, seen: Set<string>, key: string) {
    const wrapper: WxNode = { tag: '#fragment', attr: {}, children: [node] }
    this.expand(wrapper, c.inst, c.file, rec, seen, key)
  }

  private component(rec: PageRecord, key: string, file: string): ComponentInstance {
    const existing = rec.components.get(key)
    if (existing && existing.file === file) return existing
    if (!this.componentConfigs.has(file)) this.load(`${file}.js`)
    const cfg = this.componentConfigs.get(file)
    if (!cfg) throw new Error(`${file}.js did not call Component()`)
    const json = JSON.parse(fs.readFileSync(path.join(this.dist, `${file}.json`), 'utf8'))
    const defaults: Record<string, unknown> = { ...(cfg.data ?? {}) }
    for (const [p, def] of Object.entries((cfg.properties ?? {}) as Record<string, any>)) defaults[p] = def && typeof def === 'object' && 'value' in def ? def.value : null
    const inst: Record<string, any> = { ...(cfg.methods ?? {}), data: this.toRealm(defaults), is: file, id: '', dataset: {} }
    inst.properties = inst.data
    inst.props = inst.data
    const c: ComponentInstance = { file, inst, json }
    inst.setData = (data: Record<string, unknown>, cb?: () => void) => this.setData({ inst }, data, cb)
    rec.components.set(key, c)
    this.lifetime(c, 'attached')
    return c
  }

  private top(): PageRecord {
    const rec = this.stack[this.stack.length - 1]
    if (!rec) throw new Error('no page is open')
    return rec
  }

  // ─── Selector queries (the charts' canvas) ───────────────────────────────────────────────────────────────────

  selectorQuery(rec?: PageRecord): unknown {
    const page = rec ?? this.top()
    const steps: { sel: string; all: boolean; fields: Record<string, boolean>; cb?: (r: unknown) => void }[] = []
    const unimplemented = (name: string) => () => {
      this.missing(`SelectorQuery.${name}`)
      throw new Error(`SelectorQuery.${name} is not implemented by the weapp stand-in`)
    }
    const nodesRef = (sel: string, all: boolean) => {
      const ref = {
        fields: (fields: Record<string, boolean>, cb?: (r: unknown) => void) => (steps.push({ sel, all, fields, cb }), query),
        boundingClientRect: (cb?: (r: unknown) => void) => (steps.push({ sel, all, fields: { rect: true, size: true, id: true, dataset: true }, cb }), query),
        node: (cb?: (r: unknown) => void) => (steps.push({ sel, all, fields: { node: true }, cb }), query),
        scrollOffset: unimplemented('scrollOffset'),
        context: unimplemented('context'),
      }
      return ref
    }
    const query: Record<string, unknown> = {
      in: () => query,
      select: (sel: string) => nodesRef(sel, false),
      selectAll: (sel: string) => nodesRef(sel, true),
      selectViewport: unimplemented('selectViewport'),
      exec: (cb?: (r: unknown[]) => void) => {
        this.later(() => {
          const tree = this.view(page)
          const results = steps.map((s) => {
            const found = this.select(tree, s.sel).map((n) => this.describe(page, n, s.fields))
            const r = s.all ? this.realmArray(found) : found[0] ?? null
            if (s.cb) this.guard(() => s.cb!(r), 'SelectorQuery callback')
            return r
          })
          if (cb) cb(this.realmArray(results))
        })
        return query
      },
    }
    return query
  }

  private describe(page: PageRecord, n: WxNode, fields: Record<string, boolean>): unknown {
    const id = String(n.attr?.id ?? '')
    const style = String(n.attr?.style ?? '')
    const px = (prop: string, whole: number) => {
      const m = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([\\d.]+)(px|%)`).exec(style)
      if (!m) return whole
      return m[2] === '%' ? (whole * Number(m[1])) / 100 : Number(m[1])
    }
    const width = px('width', SYSTEM.windowWidth)
    const height = px('height', n.tag === 'wx-canvas' ? 150 : 0)
    const out: Record<string, unknown> = {}
    if (fields.id) out.id = id
    if (fields.dataset) out.dataset = this.toRealm(dataset(n))
    if (fields.size) Object.assign(out, { width, height })
    if (fields.rect) Object.assign(out, { left: 0, top: 0, right: width, bottom: height })
    if (fields.node) {
      if (n.tag !== 'wx-canvas') {
        this.missing(`SelectorQuery.fields({ node }) on <${n.tag}>`)
      } else {
        let c = page.canvases.get(id)
        if (!c) {
          c = createCanvasNode(id, width, height, (name) => this.missing(name), (fn, ms) => this.timer(false, fn, ms, []), (t) => this.clearTimer(t))
          page.canvases.set(id, c)
        }
        out.node = c.node
      }
    }
    return out
  }

  private select(tree: WxNode, sel: string): WxNode[] {
    const out: WxNode[] = []
    for (const { node } of walk(tree)) {
      if (sel.startsWith('#') && String(node.attr?.id ?? '') === sel.slice(1)) out.push(node)
      else if (sel.startsWith('.') && classes(node).includes(sel.slice(1))) out.push(node)
      else if (/^[a-z-]+$/.test(sel) && node.tag === `wx-${sel}`) out.push(node)
    }
    return out
  }

  // ─── What a test does and sees ───────────────────────────────────────────────────────────────────────────────

  /** A tap on the tab bar (native, outside the page's WXML): switchTab to that tab's page. */
  async switchTab(route: string): Promise<void> {
    if (!this.isTab(route)) throw new Error(`${route} is not a tab page`)
    const err = this.doNavigate('switchTab', { url: `/${route}` })
    if (err) throw new Error(err)
    await this.tick()
  }

  /** The person pulls the page down: WeChat calls onPullDownRefresh, only on a page whose config enables it. */
  async pullDownRefresh(): Promise<void> {
    const rec = this.top()
    if (!rec.json.enablePullDownRefresh) throw new Error(`${rec.route} does not enable pull-down refresh`)
    this.call(rec, 'onPullDownRefresh')
    await this.tick()
  }

  /** The page on top of the stack. */
  get page(): PageHandle {
    return new PageHandle(this, this.top())
  }

  get stackRoutes(): string[] {
    return this.stack.map((p) => p.route)
  }

  /** Canvas drawing records of the current page, by canvas id. */
  canvases(): CanvasRecord[] {
    return [...this.top().canvases.values()].map((c) => c.record)
  }

  /** Dispatches an event to a rendered node and bubbles it as WeChat does, through the handlers the WXML binds. */
  dispatch(node: WxNode | undefined, type: string, detail: Record<string, unknown> = {}): void {
    const rec = this.top()
    if (!node) throw new Error(`dispatch ${type}: no node given (nothing matched on ${rec.route})`)
    const tree = this.view(rec)
    const hit = [...walk(tree)].find((w) => w.node === node)
    if (!hit) throw new Error(`dispatch ${type}: the node is not in the current view of ${rec.route}`)
    const chain = [node, ...[...hit.ancestors].reverse()]
    const target = { id: String(node.attr?.id ?? ''), dataset: dataset(node), offsetLeft: 0, offsetTop: 0 }
    let handled = false
    const run = () => {
      for (const n of chain) {
        const attr = n.attr ?? {}
        const catchName = attr[`catch${type}`] ?? attr[`catch:${type}`]
        const bindName = attr[`bind${type}`] ?? attr[`bind:${type}`]
        const handlerName = catchName ?? bindName
        if (typeof handlerName === 'string' && handlerName) {
          const owner = (n as WxNode & { owner?: Record<string, any> }).owner
          const handler = owner?.[handlerName]
          if (typeof handler !== 'function') {
            this.error(new Error(`<${n.tag}> binds ${type} to "${handlerName}", which its owner does not define`), 'event')
          } else {
            handled = true
            const event = this.toRealm({
              type,
              timeStamp: Date.now(),
              detail,
              target,
              currentTarget: { id: String(attr.id ?? ''), dataset: dataset(n), offsetLeft: 0, offsetTop: 0 },
              mark: {},
              touches: [],
              changedTouches: [],
            })
            this.guard(() => handler.call(owner, event), `${rec.route} ${type} handler`)
          }
          if (catchName) break
        }
        if (!BUBBLES.has(type)) break
      }
    }
    if (type === 'tap') this.withGesture(run)
    else run()
    if (!handled) throw new Error(`nothing on ${rec.route} handles ${type} on <${node.tag}> "${textOf(node).slice(0, 40)}"`)
  }

  /** A tap on a button whose open-type is agreePrivacyAuthorization: WeChat records the agreement first. */
  agreePrivacy(node: WxNode): void {
    if (node.attr?.openType !== 'agreePrivacyAuthorization') throw new Error('not an agreePrivacyAuthorization button')
    this.device.privacyAgreed = true
    this.withGesture(() => this.dispatch(node, 'agreeprivacyauthorization', {}))
  }

  /** Polls until `check` answers something truthy; on timeout throws with what the current page shows. */
  async waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      let value: T | undefined | null | false
      try {
        value = check()
      } catch (e) {
        value = undefined
        if (Date.now() > deadline) throw e
      }
      if (value) return value
      if (Date.now() > deadline) {
        let shown = ''
        try {
          shown = textOf(this.view()).slice(0, 600)
        } catch {
          shown = '(no page)'
        }
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\non ${this.stackRoutes.join(' › ')}: ${shown}\nerrors: ${JSON.stringify(this.errors.slice(0, 3))}`)
      }
      await this.tick(20)
    }
  }

  /** The modal the app shows next (waits for it). */
  async modal(timeoutMs = 15_000): Promise<Modal> {
    return this.waitFor(() => this.modals.find((m) => !m.answered), 'a modal', timeoutMs)
  }

  /** The action sheet the app shows next (waits for it); answer with `sheet.choose(i)` or `sheet.cancel()`. */
  async actionSheet(timeoutMs = 15_000): Promise<ActionSheet> {
    return this.waitFor(() => this.sheets.find((s) => !s.answered), 'an action sheet', timeoutMs)
  }

  /** Answers a modal inside the user's tap, as the client does (a subscription sheet may follow from it). */
  answer(modal: Modal, confirm: boolean): void {
    this.withGesture(() => (confirm ? modal.confirm() : modal.cancel()))
  }

  /** Files the next chooseMedia returns (the person picks them in the album). */
  willChooseMedia(files: Picked[]): void {
    this.answers.media.push(files)
  }

  willChooseMessageFile(files: Picked[]): void {
    this.answers.files.push(files)
  }

  willScan(result: Record<string, unknown>): void {
    this.answers.scans.push(result)
  }

  willAnswerSubscriptions(answer: Host['answers']['subscriptions'][number]): void {
    this.answers.subscriptions.push(answer)
  }

  /** What went wrong, for one assertion: errors, then APIs the stand-in lacks. */
  problems(): string[] {
    return [...this.errors.map((e) => `${e.where}: ${e.error}`), ...this.missingApis.map((m) => `not implemented: ${m}`)]
  }

  /** Unloads every page and stops every timer the bundle set. */
  async close(): Promise<void> {
    if (this.closed) return
    for (const p of this.stack.splice(0).reverse()) this.unload(p)
    for (const p of [...this.tabPages.values()]) this.unload(p)
    await this.tick()
    this.closed = true
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
    running.delete(this)
    if (running.size === 0) process.off('unhandledRejection', onRejection)
  }
}

/**
 * A promise the bundle rejected and nobody handled (WeChat reports these as errors): one process listener, the
 * error recorded on every mini-program running at the time (tests run one at a time).
 */
const running = new Set<MiniProgram>()
function onRejection(reason: unknown) {
  for (const mp of running) mp.error(reason, 'unhandled promise rejection')
}

function dataset(n: WxNode): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(n.attr ?? {})) {
    if (k.startsWith('data-')) out[k.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = String(v)
  }
  return out
}

function classes(n: WxNode): string[] {
  return String(n.attr?.class ?? '').split(/\s+/).filter(Boolean)
}

/** One open page, as a test drives it. */
export class PageHandle {
  constructor(
    private readonly mp: MiniProgram,
    private readonly rec: PageRecord,
  ) {}

  get route(): string {
    return this.rec.route
  }

  get data(): Record<string, any> {
    return this.rec.inst.data
  }

  view(): WxNode {
    return this.mp.view(this.rec)
  }

  text(): string {
    return textOf(this.view())
  }

  /** Nodes matching `.class`, `#id` or a component name (`canvas` → wx-canvas). */
  all(selector: string): WxNode[] {
    const tree = this.view()
    const out: WxNode[] = []
    for (const { node } of walk(tree)) {
      if (selector.startsWith('.') && classes(node).includes(selector.slice(1))) out.push(node)
      else if (selector.startsWith('#') && String(node.attr?.id ?? '') === selector.slice(1)) out.push(node)
      else if (!/^[.#]/.test(selector) && node.tag === `wx-${selector}`) out.push(node)
    }
    return out
  }

  /** The innermost node whose text contains `text` (optionally among `selector`). */
  byText(text: string | RegExp, selector?: string): WxNode | undefined {
    const pool = selector ? this.all(selector) : [...walk(this.view())].map((w) => w.node)
    const match = (n: WxNode) => (typeof text === 'string' ? textOf(n).includes(text) : text.test(textOf(n)))
    const hits = pool.filter(match)
    return hits.find((h) => !hits.some((o) => o !== h && [...walk(h)].some((w) => w.node === o)))
  }

  async waitForText(text: string | RegExp, timeoutMs?: number): Promise<void> {
    await this.mp.waitFor(() => (typeof text === 'string' ? this.text().includes(text) : text.test(this.text())), `"${String(text)}" on ${this.route}`, timeoutMs)
  }

  async waitFor(selector: string, text?: string | RegExp, timeoutMs?: number): Promise<WxNode> {
    return this.mp.waitFor(() => (text === undefined ? this.all(selector)[0] : this.byText(text, selector)), `${selector}${text ? ` "${String(text)}"` : ''} on ${this.route}`, timeoutMs)
  }

  /** Taps what shows `text` (the innermost node; the tap bubbles to whatever handles it). */
  async tap(target: string | RegExp | WxNode, selector?: string): Promise<void> {
    const node = typeof target === 'object' && !(target instanceof RegExp) ? target : await this.mp.waitFor(() => this.byText(target, selector), `something to tap showing "${String(target)}"`)
    // The agree button of the privacy prompt: WeChat records the agreement and sends its own event.
    if (node.attr?.openType === 'agreePrivacyAuthorization') this.mp.agreePrivacy(node)
    else this.mp.dispatch(node, 'tap', { x: 0, y: 0 })
    await this.mp.tick()
  }

  /** Types into an input or textarea: WeChat sends `input` with the whole value, then `blur`. */
  async input(node: WxNode | undefined, value: string): Promise<void> {
    this.mp.dispatch(node, 'input', { value, cursor: value.length, keyCode: 0 })
    await this.mp.tick()
  }

  /** A picker's or switch's `change`. */
  async change(node: WxNode | undefined, value: unknown): Promise<void> {
    this.mp.dispatch(node, 'change', { value })
    await this.mp.tick()
  }
}

export { Device }
