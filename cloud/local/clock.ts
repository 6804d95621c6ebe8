/**
 * The local cloud's clock: set or advanced by hand (`POST /dev/clock`, the console), so a quarter or a 预备期 can be
 * walked through without waiting for it.
 *
 * One offset from the machine's time, applied to everything that asks for "now" in the local cloud's process: the
 * function bundles (they run in this process: their `Date` / `Date.now()` / dayjs()), `db.serverDate()` (db.ts reads
 * `Date.now()`), a trigger fired without `?now=` and the timers (restarted on every change, so their next run is
 * computed on the new time). The H5 app served by the local cloud gets the same offset from a small script put at
 * the top of index.html as it is served (`clockScript`): build output is never changed, so a production build —
 * served by anything else — has no such script.
 *
 * Advancing does not replay the timer runs the jump skips (as a machine that slept would not): fire the trigger
 * (`POST /cloud/triggers/<name>` or the console's run now) to run one at the new time.
 */
import type { Op, Store } from './store'

const RealDate = Date

export class Clock {
  private offset = 0
  private listeners: Array<() => void> = []

  constructor() {
    installShiftedDate(() => this.offset)
  }

  /** Milliseconds the local cloud's time is ahead of the machine's (negative: behind). */
  get offsetMs(): number {
    return this.offset
  }

  now(): Date {
    return new RealDate(RealDate.now() + this.offset)
  }

  set(at: Date) {
    this.offset = at.getTime() - RealDate.now()
    this.changed()
  }

  advance(ms: number) {
    this.offset += ms
    this.changed()
  }

  reset() {
    this.offset = 0
    this.changed()
  }

  /** The offset kept from an earlier run (persistClock), taken before anything is scheduled: no change is announced. */
  restore(offsetMs: number) {
    this.offset = offsetMs
  }

  onChange(fn: () => void) {
    this.listeners.push(fn)
  }

  private changed() {
    for (const fn of this.listeners) fn()
  }
}

/** The collection that keeps the offset: `{ _id: 'offset', offsetMs, setAt }` (snapshots carry it like any other). */
export const CLOCK_COLLECTION = '__clock'

/**
 * Keeps the clock's offset in the data directory, so a restart of the local cloud — and a snapshot, which holds
 * every collection — keeps its time: the offset is read back at start (after any snapshot import) and written on
 * every change. What is kept is the offset, not an instant: a clock set to 08:00 and restarted ten minutes later
 * reads 08:10, as a clock that kept running would.
 */
export function persistClock(clock: Clock, store: Store) {
  const saved = store.collections.get(CLOCK_COLLECTION)?.get('offset')
  const offsetMs = Number(saved?.offsetMs)
  if (saved && Number.isFinite(offsetMs)) clock.restore(offsetMs)
  clock.onChange(() => {
    const ops: Op[] = []
    if (!store.collections.has(CLOCK_COLLECTION)) ops.push({ o: 'c', c: CLOCK_COLLECTION })
    ops.push({ o: 'p', c: CLOCK_COLLECTION, d: { _id: 'offset', offsetMs: clock.offsetMs, setAt: new RealDate() } })
    store.commit(ops)
  })
}

let installed: (() => number) | undefined

/**
 * Replaces the process's `Date` with one whose "now" is shifted by `offset()`: `new Date()`, `Date()` and
 * `Date.now()` move; `new Date(x)`, `Date.parse`, `Date.UTC` and `instanceof Date` are as before (the prototype is
 * the same). Once per process; the local cloud owns its process (main.ts), the test harness starts it as a child.
 */
function installShiftedDate(offset: () => number) {
  if (installed) {
    installed = offset
    return
  }
  installed = offset
  const shiftedNow = () => RealDate.now() + (installed ? installed() : 0)
  const Shifted: DateConstructor = new Proxy(RealDate, {
    construct(target, args, newTarget): object {
      return Reflect.construct(target, args.length ? args : [shiftedNow()], newTarget === Shifted ? target : newTarget)
    },
    apply() {
      return new RealDate(shiftedNow()).toString()
    },
    get(target, prop, receiver) {
      if (prop === 'now') return shiftedNow
      return Reflect.get(target, prop, receiver)
    },
  })
  globalThis.Date = Shifted
}

/** Parses `POST /dev/clock`'s body: `{ set: ISO }`, `{ advance: "3d" | "2h" | "30m" | ms }` or `{ reset: true }`. */
export function clockChange(body: unknown): { set: Date } | { advance: number } | { reset: true } | { error: string } {
  const b = (body ?? {}) as Record<string, unknown>
  if (b.reset === true) return { reset: true }
  if (typeof b.set === 'string') {
    const at = new RealDate(b.set)
    return Number.isNaN(at.getTime()) ? { error: `set 不是合法的时间: ${b.set}` } : { set: at }
  }
  if (typeof b.advance === 'number' && Number.isFinite(b.advance)) return { advance: b.advance }
  if (typeof b.advance === 'string') {
    const m = /^(-?\d+(?:\.\d+)?)\s*(d|h|m|s|ms)$/.exec(b.advance.trim())
    if (!m) return { error: `advance 应为 "3d"、"2h"、"30m"、"10s" 或毫秒数，而不是 ${b.advance}` }
    const unit = { d: 86400000, h: 3600000, m: 60000, s: 1000, ms: 1 }[m[2] as 'd' | 'h' | 'm' | 's' | 'ms']
    return { advance: Number(m[1]) * unit }
  }
  return { error: '请求体应为 { "set": "2027-03-01T08:00:00+08:00" }、{ "advance": "1d" } 或 { "reset": true }' }
}

/**
 * The script put first in the served index.html: the page's `Date` follows the local cloud's clock (the offset at
 * serving time, then re-read from /dev/clock every 5 s and when the tab comes back). Plain ES5, no dependencies.
 */
export function clockScript(offsetMs: number): string {
  return `<script data-localcloud-clock>(function(){var R=Date,o=${Math.round(offsetMs)};function n(){return R.now()+o}
function D(){var a=[].slice.call(arguments);if(!(this instanceof D))return new R(n()).toString();return a.length?new(Function.prototype.bind.apply(R,[null].concat(a))):new R(n())}
D.prototype=R.prototype;D.now=n;D.parse=R.parse;D.UTC=R.UTC;window.Date=D;
function sync(){try{fetch('/dev/clock').then(function(r){return r.json()}).then(function(c){if(typeof c.offsetMs==='number')o=c.offsetMs}).catch(function(){})}catch(e){}}
setInterval(sync,5000);document.addEventListener('visibilitychange',function(){if(!document.hidden)sync()})})()</script>`
}
