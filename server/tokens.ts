import { createHash, randomBytes } from 'node:crypto'
import type { Database } from 'better-sqlite3'

export const TOKEN_LIFETIME_MINUTES = 15

/** Tokens are stored only as their SHA-256: a copy of the database holds no usable token. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest()
}

export interface IssueTokenOptions {
  /** Milliseconds since the epoch (the app's injected clock). */
  now?: number
  /** A persist token never expires (expiresInMinutes -1) until logout. */
  persist?: boolean
  lifetimeMinutes?: number
}

/** 256 random bits, base64url. Used by login and by tests that need a session without scrypt. */
export function issueToken(db: Database, employeeId: string, options: IssueTokenOptions = {}): string {
  const token = randomBytes(32).toString('base64url')
  const created = options.now ?? Date.now()
  const lifetimeMs = (options.lifetimeMinutes ?? TOKEN_LIFETIME_MINUTES) * 60_000
  db.prepare('INSERT INTO tokens (token_hash, employee, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    hashToken(token),
    employeeId,
    created,
    options.persist ? null : created + lifetimeMs,
  )
  return token
}
