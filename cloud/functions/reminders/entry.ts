/**
 * The `reminders` cloud function, fired by its timer trigger (config.json: hourly, on the hour, Beijing time — WeChat
 * allows one trigger per function, and "two hours before an activity" needs more than the daily 08:00 run; the
 * daily work runs once a day from 08:00, see cloud/core/reminders/run.ts).
 * Only the trigger may run it (cloud/core/reminders/trigger.ts): a call from a user is refused before anything is
 * read or sent. The trigger's `Time` is the run's clock when it is within minutes of the real one.
 */
import cloud from 'wx-server-sdk'
import { buildPort } from '../../platform/wx-server-port'
import { sendConcurrency } from '../../core/reminders/deliver'
import { runReminders } from '../../core/reminders/run'
import { acceptTimerTrigger } from '../../core/reminders/trigger'

// DYNAMIC_CURRENT_ENV: the env the function is deployed in (the SDK types it as a symbol, which its init accepts).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

/**
 * The real clock. The local cloud, which fires a trigger "as of" a chosen instant for tests and demos, says so in
 * the invocation context it builds (`localcloud_clock`); WeChat's runtime builds that context itself and no caller
 * can add to it, so in production this is always the machine's clock.
 */
function realClock(context: unknown): Date {
  const given = (context as { localcloud_clock?: unknown } | undefined)?.localcloud_clock
  const at = typeof given === 'string' ? new Date(given) : undefined
  return at && !Number.isNaN(at.getTime()) ? at : new Date()
}

export async function main(event: unknown, context?: unknown) {
  const verdict = acceptTimerTrigger(event, cloud.getWXContext(), realClock(context))
  if (!verdict.ok) {
    console.warn('[reminders] refused:', verdict.reason)
    return { ok: false, error: { code: 'FORBIDDEN', message: verdict.reason } }
  }
  const now = verdict.now
  // REMINDER_SEND_CONCURRENCY (the function's environment variable, 云函数配置 → 环境变量): messages in flight at
  // once; unset or not a whole number from 1 to 64 → the default and its reasons (deliver.ts SEND_CONCURRENCY).
  return runReminders(buildPort(cloud, { now: () => now }), now, { sendConcurrency: sendConcurrency(process.env.REMINDER_SEND_CONCURRENCY) })
}
