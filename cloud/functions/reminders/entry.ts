/**
 * The `reminders` cloud function, fired by its timer trigger (config.json: hourly, on the hour, Beijing time — WeChat
 * allows one trigger per function, and "two hours before an activity" needs more than the daily 08:00 run; the
 * daily work runs once a day from 08:00, see cloud/core/reminders/run.ts).
 * The trigger's event carries `Time`, the fire time: it is the run's clock, so a replayed trigger plans as of then.
 */
import cloud from 'wx-server-sdk'
import { buildPort } from '../../platform/wx-server-port'
import { runReminders } from '../../core/reminders/run'

// DYNAMIC_CURRENT_ENV: the env the function is deployed in (the SDK types it as a symbol, which its init accepts).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

interface TimerEvent {
  Type?: string
  TriggerName?: string
  Time?: string
}

export async function main(event: TimerEvent) {
  const fired = event?.Time ? new Date(event.Time) : new Date()
  const now = Number.isNaN(fired.getTime()) ? new Date() : fired
  return runReminders(buildPort(cloud, { now: () => now }), now)
}
