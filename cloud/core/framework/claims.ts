/**
 * Claimed markers: one call at a time for a key (a person joining a branch, a branch's secretary changing hands).
 * The first call inserts `rate_limits/<key>` — a deterministic id, so the database itself refuses a second insert —
 * and the others are told the work is in hand. The claim is released when the work is done; one left behind by a
 * call that died half-way (function timeout) is taken over after `staleMs`, conditionally, so only one caller
 * takes it over. Kept in rate_limits beside the wrong-code counter: a guard like it, and no new collection is
 * needed on a deployed environment.
 */
import { isDuplicateKey, loadOne } from './data'
import type { Port } from './port'

export type Release = () => Promise<void>

/** The release of a claim on `key`, or undefined when another call holds it. */
export async function claim(port: Port, key: string, staleMs = 60 * 1000): Promise<Release | undefined> {
  const ref = port.db.collection('rate_limits')
  const id = `claim:${key}`
  const at = port.now()
  try {
    await ref.add({ data: { _id: id, at } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const doc = await loadOne(port, 'rate_limits', id)
    const held = doc && 'at' in doc ? doc : undefined
    // Held by a call in progress (or released this instant: the caller's next try finds the work done).
    if (!held || at.getTime() - new Date(held.at).getTime() < staleMs) return undefined
    const { stats } = await ref.where({ _id: id, at: held.at }).update({ data: { at } })
    if (stats.updated !== 1) return undefined
  }
  return async () => {
    // Only our own claim: a caller that took over a stale one keeps theirs.
    await ref.where({ _id: id, at }).remove()
  }
}
