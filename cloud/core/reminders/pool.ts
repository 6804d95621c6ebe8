/**
 * Bounded concurrency for the reminders run's round trips (reads of independent pages, claim and inbox inserts):
 * `width` at a time, in the list's order. The first failure stops new items from starting (those in flight finish)
 * and is what the returned promise rejects with.
 */
export async function pool<T>(items: readonly T[], width: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  let failed = false
  async function lane() {
    while (next < items.length && !failed) {
      const i = next++
      try {
        await fn(items[i], i)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  const lanes = Array.from({ length: Math.max(1, Math.min(width, items.length)) }, lane)
  // Every lane is awaited (none is left running behind the caller's back), then the first failure is thrown.
  const settled = await Promise.allSettled(lanes)
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (rejected) throw rejected.reason
}

/** `fn` over the list in chunks of `size`, `width` chunks at a time; the results in the chunks' order. */
export async function inChunks<T, R>(items: readonly T[], size: number, width: number, fn: (chunk: T[]) => Promise<R>): Promise<R[]> {
  const parts: T[][] = []
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size))
  const out: R[] = new Array(parts.length)
  await pool(parts, width, async (part, i) => {
    out[i] = await fn(part)
  })
  return out
}

/** A gate that lets `width` tasks run at once; the others wait their turn, in order. */
export function limiter(width: number): <R>(task: () => Promise<R>) => Promise<R> {
  let running = 0
  const waiting: (() => void)[] = []
  return async <R>(task: () => Promise<R>): Promise<R> => {
    if (running >= width) await new Promise<void>((resolve) => waiting.push(resolve))
    running += 1
    try {
      return await task()
    } finally {
      running -= 1
      waiting.shift()?.()
    }
  }
}
