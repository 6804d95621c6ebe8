/**
 * One run of the daily reminder job. A timer trigger's return value goes nowhere, so the run writes its own
 * record (started, finished, counts, failure) to `reminder_runs`. The planner that fills `counts` arrives with
 * the reminders work; today a run proves the trigger, the clock and the record.
 */
import type { Port } from '../port'

export interface ReminderRunResult {
  runId: string
  now: string
  counts: Record<string, number>
  ok: boolean
}

export async function runReminders(port: Port, now: Date): Promise<ReminderRunResult> {
  const runs = port.db.collection('reminder_runs')
  const { _id: runId } = await runs.add({ data: { now, startedAt: port.db.serverDate(), status: 'running', counts: {} } })
  const counts: Record<string, number> = { planned: 0, sent: 0, failed: 0 }
  try {
    await runs.doc(runId).update({ data: { status: 'done', finishedAt: port.db.serverDate(), counts } })
    return { runId, now: now.toISOString(), counts, ok: true }
  } catch (error) {
    await runs
      .doc(runId)
      .update({ data: { status: 'failed', error: String((error as Error)?.message ?? error) } })
      .catch(() => undefined)
    return { runId, now: now.toISOString(), counts, ok: false }
  }
}
