import { randomInt } from 'node:crypto'

/** No 0/O, 1/I/L: a code is read aloud and typed on a phone. 31^10 ≈ 8e14 possibilities. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const INVITE_CODE_LENGTH = 10

export function newInviteCode(): string {
  let code = ''
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]
  return code
}
