import { timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { AccessLevelSchema, sipAccessFor, type AccessLevel } from '../../src/api/access-level.ts'
import { ApiProblem } from '../api-problem.ts'
import type { EmployeeRecord, Store } from '../store.ts'
import { hashToken } from '../tokens.ts'

export interface Session {
  employee: EmployeeRecord
  accessLevel: AccessLevel
}

/*
 * RFC 9110 §11: the scheme is case-insensitive and separated from the credentials by one or more
 * spaces (1*SP). The credentials are one token68, so a space inside them is still an error.
 */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]{1,512}=*)$/i
const BEARER_FORMAT = 'Authorization header format is Authorization: Bearer <token>'

/** The token of an `Authorization: Bearer …` header; undefined without the header. */
export function parseBearer(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  const match = BEARER.exec(header.trim())
  if (!match?.[1]) throw new ApiProblem(401, 'format_error', BEARER_FORMAT)
  return match[1]
}

export function levelOf(employee: EmployeeRecord): AccessLevel {
  const level = AccessLevelSchema.safeParse(employee.access_level)
  return level.success ? level.data : 'NO_LOGIN'
}

export interface SessionAuth {
  /** The session of a token, or 401 invalid_token / expired. */
  sessionFromToken(token: string): Session
  /** The session of the request's Bearer header, or 401. */
  authenticate(c: Context): Session
  /** The customers a session may read: its own; a reseller's subtree; ADMIN all (null). */
  visibleCustomers(session: Session): ReadonlySet<string> | null
  canSee(session: Session, customerId: string): boolean
}

export function createSessionAuth(store: Store, now: () => number): SessionAuth {
  const sessionFromToken = (token: string): Session => {
    const hash = hashToken(token)
    // Looked up by its SHA-256, so the lookup's timing depends on the hash, not on how much of
    // the token an attacker guessed right; the explicit compare is constant-time as well.
    const record = store.token(hash)
    if (!record || record.token_hash.length !== hash.length || !timingSafeEqual(record.token_hash, hash)) {
      throw new ApiProblem(401, 'invalid_token', 'The token is not valid; sign in again')
    }
    if (record.expires_at !== null && record.expires_at <= now()) {
      throw new ApiProblem(401, 'expired', 'The token has expired; sign in again')
    }
    const employee = store.employeeById(record.employee)
    if (!employee) throw new ApiProblem(401, 'invalid_token', 'The token is not valid; sign in again')
    return { employee, accessLevel: levelOf(employee) }
  }

  const visibleCustomers = (session: Session): ReadonlySet<string> | null => {
    if (session.accessLevel === 'ADMIN') return null
    const own = session.employee.customer
    if (sipAccessFor(session.accessLevel).scope) {
      const scope = store.resellerScope(own)
      return scope.size ? scope : new Set([own])
    }
    return new Set([own])
  }

  return {
    sessionFromToken,
    authenticate(c) {
      const token = parseBearer(c.req.header('authorization'))
      if (token === undefined) throw new ApiProblem(401, 'format_error', BEARER_FORMAT)
      return sessionFromToken(token)
    },
    visibleCustomers,
    canSee(session, customerId) {
      const visible = visibleCustomers(session)
      return visible === null || visible.has(customerId)
    },
  }
}
