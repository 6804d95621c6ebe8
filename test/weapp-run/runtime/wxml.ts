/**
 * Rendering through WeChat's own WXML compiler: miniprogram-compiler's `wxmlToJs(dist)` is the wcc output the
 * client runs (its `$gwx`), and `$gwx('<page>.wxml')(data)` turns a page's data into the virtual tree the
 * client's renderer would paint (`wx-view`, `wx-text`, … with their evaluated attributes). We never interpret
 * WXML ourselves.
 */
import vm from 'node:vm'

export interface WxNode {
  tag: string
  attr: Record<string, unknown>
  children: (WxNode | string)[]
  /** Set by the runtime on a custom component's node: the instance whose template rendered `children`. */
  owner?: unknown
}

export type Render = (wxmlPath: string, data: unknown) => WxNode

const compiled = new Map<string, string>()

/**
 * Compiles every WXML under `dist` once per process and answers a render function. wcc's runtime reports a
 * missing template or a bad expression with console output and carries on: those reports are collected as
 * errors so a broken template cannot pass as an empty one.
 */
export function compileWxml(dist: string, onError: (message: string) => void): Render {
  let source = compiled.get(dist)
  if (source === undefined) {
    const { wxmlToJs } = require('miniprogram-compiler') as { wxmlToJs(dir: string): string }
    source = wxmlToJs(dist)
    compiled.set(dist, source)
  }
  const report = (...args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : '')).join(' ').trim()
    if (/WXMLRT|not found|error/i.test(text)) onError(`WXML: ${text}`)
  }
  const context = vm.createContext({ console: { log: report, warn: report, error: report, info() {}, debug() {} } })
  context.window = context
  const $gwx = vm.runInContext(`(function (global) {\n${source}\n})`, context, { filename: 'wcc-output.js' })({}) as (
    path: string,
    global?: object,
  ) => ((data: unknown, dd?: object, global?: object) => WxNode) | undefined
  // wcc's runtime copies data with constructor checks: the data must be made in the renderer's own realm.
  const parse = vm.runInContext('JSON.parse', context) as (s: string) => unknown
  return (wxmlPath, data) => {
    const generate = $gwx(wxmlPath, {})
    if (typeof generate !== 'function') throw new Error(`WXML: no compiled template for ${wxmlPath}`)
    // Data crosses to the renderer as JSON, as it crosses from the logic layer to the view in WeChat.
    return generate(parse(JSON.stringify(data ?? {})), {}, {})
  }
}

export function isNode(n: WxNode | string | undefined | null): n is WxNode {
  return !!n && typeof n === 'object' && typeof (n as WxNode).tag === 'string'
}

/** All text under a node, as the user reads it (text nodes joined without separators, blocks by spaces). */
export function textOf(n: WxNode | string): string {
  if (typeof n === 'string') return n
  const parts: string[] = []
  const walk = (x: WxNode | string) => {
    if (typeof x === 'string') parts.push(x)
    else if (isNode(x)) {
      const block = x.tag !== 'wx-text'
      if (block) parts.push(' ')
      for (const c of x.children ?? []) walk(c)
      if (block) parts.push(' ')
    }
  }
  walk(n)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** Depth-first: every node with the path of its ancestors (root first). */
export function* walk(root: WxNode, ancestors: WxNode[] = []): Generator<{ node: WxNode; ancestors: WxNode[] }> {
  yield { node: root, ancestors }
  const next = [...ancestors, root]
  for (const c of root.children ?? []) if (isNode(c)) yield* walk(c, next)
}
