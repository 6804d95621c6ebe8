/** Ids for requests and drafts: [A-Za-z0-9_-], 8–64 characters (the contract's clientRequestId). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export function randomId(length = 20): string {
  let out = ''
  const cryptoObj: Crypto | undefined = typeof crypto !== 'undefined' ? crypto : undefined
  if (cryptoObj && typeof cryptoObj.getRandomValues === 'function') {
    const bytes = new Uint8Array(length)
    cryptoObj.getRandomValues(bytes)
    for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length]
    return out
  }
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return out
}

/** A client request id: time prefix (base 36) plus randomness, so ids also sort roughly by creation. */
export const newClientRequestId = () => `${Date.now().toString(36)}-${randomId(16)}`

/**
 * The cloud refused a request id already used with other input (cloud/core/framework/writes.ts: CONFLICT,
 * details.requestReused). It means the first send with this id was stored and its answer was lost (network), and the
 * form changed since. The caller then keeps what the person typed, takes a new id for the next send, reads again
 * what is saved and says so plainly — retrying with the same id would be refused for good (the id is persisted).
 */
export function isRequestReused(error: unknown): boolean {
  const details = (error as { details?: unknown } | null | undefined)?.details
  return !!details && typeof details === 'object' && (details as { requestReused?: unknown }).requestReused === true
}
