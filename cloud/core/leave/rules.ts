/**
 * 请假's own rules, pure (docs/leave.md). 《中国共产党支部工作条例（试行）》 asks members to take part in organisation
 * life and to ask the branch for leave beforehand; who leads the session is there by definition, so they do not ask.
 * The rest is the product's: a decision may be changed until the session starts, and the secretary gets one notice
 * per request, not one per tap.
 */
import type { LeaveStatus } from '../../../types/leave'

/** A withdrawal this soon after the ask cancels the ask's notice and sends nothing: the secretary never needed it. */
export const WITHDRAW_QUIET_MINUTES = 10

/**
 * Whether the member leads the session — its 主持人, 记录人 or 授课人, named in the plan by name (授课人 may read
 * 「支部书记 李建国」). They are expected to be there, so they cannot ask leave: the plan's lead changes first. The same
 * reading as the record form's (src/features/activities/draft-model.ts `leads`).
 */
export function leadsSession(session: { host?: string; recorder?: string; lecturer?: string }, name: string): 'host' | 'recorder' | 'lecturer' | null {
  const n = name.trim()
  if (!n) return null
  for (const role of ['host', 'recorder', 'lecturer'] as const) {
    const who = session[role]?.trim()
    if (who && who.includes(n)) return role
  }
  return null
}

export const LEAD_WORDS = { host: '主持人', recorder: '记录人', lecturer: '授课人' } as const

/** Whether a withdrawal at `now` is within the quiet minutes of the ask (then no notice at all). */
export const withdrawIsQuiet = (askedAt: Date, now: Date) => now.getTime() - new Date(askedAt).getTime() < WITHDRAW_QUIET_MINUTES * 60_000

/**
 * Whether a decision may be made now: a waiting request until the session is recorded (its attendance is written
 * then); a decided one may be changed (准假 ↔ 不准假) only before the session starts — once it has begun the member
 * acted on the answer (stayed away, or came).
 */
export function decisionOpen(status: LeaveStatus, session: { recorded: boolean; begun: boolean }): boolean {
  if (status === 'withdrawn' || status === 'cancelled' || session.recorded) return false
  return status === 'pending' || !session.begun
}
