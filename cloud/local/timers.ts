// Timer triggers: config.json triggers ({ name, type: 'timer', config: '0 0 8 * * * *' }, 7 fields:
// second minute hour day month week year) scheduled with croner in Asia/Shanghai.
import { Cron } from 'croner'
import type { FunctionInfo } from './functions'

export interface Timers { stop(): void }

export function toCronerPattern(config: string): string {
  const f = config.trim().split(/\s+/)
  if (f.length === 7) f.pop() // croner has no year field
  return f.join(' ')
}

export function startTimers(fns: FunctionInfo[], fire: (name: string, at: Date) => Promise<unknown>): Timers {
  const jobs: Cron[] = []
  for (const fn of fns) {
    for (const t of fn.triggers) {
      if (t.type !== 'timer') continue
      try {
        const job = new Cron(toCronerPattern(t.config), { timezone: 'Asia/Shanghai', protect: true }, async () => {
          const at = new Date()
          at.setMilliseconds(0)
          console.log(`[localcloud] timer ${fn.name}/${t.name} fired at ${at.toISOString()}`)
          try { await fire(fn.name, at) } catch (e) { console.error(`[localcloud] timer ${fn.name}/${t.name} failed:`, e) }
        })
        jobs.push(job)
        console.log(`[localcloud] timer ${fn.name}/${t.name} '${t.config}' next ${job.nextRun()?.toISOString()}`)
      } catch (e) {
        console.error(`[localcloud] timer ${fn.name}/${t.name}: bad cron '${t.config}':`, e)
      }
    }
  }
  return { stop: () => jobs.forEach((j) => j.stop()) }
}
