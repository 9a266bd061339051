import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto'

/*
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (base64url). The parameters travel with the
 * hash so tests can seed with a cheap cost while `npm start` uses a strong one, and both verify.
 */

export interface ScryptCost {
  N: number
  r: number
  p: number
}

/** OWASP's minimum for scrypt (N=2^17 is their recommendation; 2^15 keeps login under ~100 ms here). */
export const STRONG_SCRYPT: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }
/** For throwaway test databases: still scrypt, just fast to seed. */
export const TEST_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1 }

const KEY_LENGTH = 32

function maxmem(cost: ScryptCost): number {
  return 256 * cost.N * cost.r + 1024 * 1024
}

export function hashPassword(password: string, cost: ScryptCost, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(password.normalize('NFKC'), salt, KEY_LENGTH, { ...cost, maxmem: maxmem(cost) })
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

interface ParsedHash {
  cost: ScryptCost
  salt: Buffer
  hash: Buffer
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return null
  return { cost: { N, r, p }, salt: Buffer.from(parts[4] ?? '', 'base64url'), hash: Buffer.from(parts[5] ?? '', 'base64url') }
}

/** Async so a login never blocks the event loop for the scrypt work. Constant-time compare. */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) return Promise.resolve(false)
  return new Promise((resolve) => {
    scrypt(
      password.normalize('NFKC'),
      parsed.salt,
      parsed.hash.length,
      { ...parsed.cost, maxmem: maxmem(parsed.cost) },
      (error, derived) => {
        if (error) resolve(false)
        else resolve(derived.length === parsed.hash.length && timingSafeEqual(derived, parsed.hash))
      },
    )
  })
}
