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
