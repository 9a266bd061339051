import { timingSafeEqual } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Database } from 'better-sqlite3'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AccessLevelSchema, sipAccessFor, type AccessLevel } from '../src/api/access-level.ts'
import { errorBody } from '../src/api/api-error.ts'
import { LoginRequestSchema } from '../src/api/auth.ts'
import { verifyPassword } from './passwords.ts'
import { TOKEN_LIFETIME_MINUTES, hashToken, issueToken } from './tokens.ts'
import {
  CustomerListQuerySchema,
  EmptyQuerySchema,
  ParamError,
  PathIdSchema,
  SipListQuerySchema,
  ValidateTokenQuerySchema,
  parseQuery,
} from './query-params.ts'
import { shapeSipAccount } from './sip-shape.ts'
import { createStore, type CustomerRecord, type EmployeeRecord, type Store } from './store.ts'

export interface AppOptions {
  /** Artificial latency added to every request (API_LATENCY_MS), for demos of loading states. */
  latencyMs?: number
  /** Milliseconds since the epoch; injected by tests to expire tokens without waiting. */
  now?: () => number
  tokenLifetimeMinutes?: number
  /** Failed logins per e-mail within loginWindowMs before 429 throttled. */
  loginFailureLimit?: number
  loginWindowMs?: number
  bodyLimitBytes?: number
}

export const LOGIN_FAILURE_LIMIT = 5
export const LOGIN_WINDOW_MS = 60_000
export const BODY_LIMIT_BYTES = 16 * 1024
/** Shaped-account JSON kept in memory (about 1 KB each). */
const SHAPED_CACHE_SIZE = 20_000
/** Bounds the throttle's memory under a flood of distinct e-mails. */
const THROTTLE_MAX_KEYS = 10_000

/** Thrown anywhere in a handler; onError turns it into the documented error body. */
export class ApiProblem extends Error {
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly headers: Record<string, string>
  constructor(status: ContentfulStatusCode, code: string, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.status = status
    this.code = code
    this.headers = headers
  }
}

interface Session {
  employee: EmployeeRecord
  accessLevel: AccessLevel
}

const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]{1,512}=*)$/

function denied(message = 'Insufficient access level'): ApiProblem {
  return new ApiProblem(403, 'access_denied', message)
}

export function createApp(db: Database, options: AppOptions = {}): Hono {
  const store: Store = createStore(db)
  const now = options.now ?? Date.now
  const lifetimeMs = (options.tokenLifetimeMinutes ?? TOKEN_LIFETIME_MINUTES) * 60_000
  const failureLimit = options.loginFailureLimit ?? LOGIN_FAILURE_LIMIT
  const windowMs = options.loginWindowMs ?? LOGIN_WINDOW_MS
  const latencyMs = options.latencyMs ?? 0
  // Unknown e-mails are checked against a real hash too, so timing does not reveal which exist.
  const decoyHash = store.anyPasswordHash() ?? 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
  const failures = new Map<string, number[]>()
  /** JSON of shaped accounts by id, status and visibility variant (insertion-ordered LRU-ish). */
  const shapedCache = new Map<string, string>()

  const recentFailures = (email: string): number[] => {
    const since = now() - windowMs
    const list = (failures.get(email) ?? []).filter((t) => t > since)
    if (list.length) failures.set(email, list)
    else failures.delete(email)
    return list
  }
  const recordFailure = (email: string): void => {
    const list = recentFailures(email)
    list.push(now())
    failures.delete(email)
    failures.set(email, list)
    if (failures.size > THROTTLE_MAX_KEYS) {
      const oldest = failures.keys().next().value
      if (oldest !== undefined) failures.delete(oldest)
    }
  }

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
    const level = AccessLevelSchema.safeParse(employee.access_level)
    return { employee, accessLevel: level.success ? level.data : 'NO_LOGIN' }
  }

  const bearerToken = (c: Context): string | undefined => {
    const header = c.req.header('authorization')
    if (header === undefined) return undefined
    const match = BEARER.exec(header.trim())
    if (!match?.[1]) throw new ApiProblem(401, 'format_error', 'Authorization header format is Authorization: Bearer <token>')
    return match[1]
  }

  const authenticate = (c: Context): Session => {
    const token = bearerToken(c)
    if (token === undefined) throw new ApiProblem(401, 'format_error', 'Authorization header format is Authorization: Bearer <token>')
    return sessionFromToken(token)
  }

  /** The customers a session may read: its own; a reseller's subtree; ADMIN all (null). */
  const visibleCustomers = (session: Session): ReadonlySet<string> | null => {
    if (session.accessLevel === 'ADMIN') return null
    const own = session.employee.customer
    if (sipAccessFor(session.accessLevel).scope) {
      const scope = store.resellerScope(own)
      return scope.size ? scope : new Set([own])
    }
    return new Set([own])
  }
  const canSee = (session: Session, customerId: string): boolean => {
    const visible = visibleCustomers(session)
    return visible === null || visible.has(customerId)
  }

  const customerName = (customer: CustomerRecord) => ({
    _id: customer.id,
    name: customer.name,
    ...(customer.parentReseller ? { parentReseller: customer.parentReseller } : {}),
    features: customer.features,
  })

  const app = new Hono()

  app.use('*', async (c, next) => {
    if (latencyMs > 0) await sleep(latencyMs)
    await next()
    // Responses can carry SIP passwords: never let a browser or proxy cache store them.
    c.res.headers.set('Cache-Control', 'no-store')
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
  })

  app.use(
    '*',
    bodyLimit({
      maxSize: options.bodyLimitBytes ?? BODY_LIMIT_BYTES,
      onError: (c) =>
        c.json(errorBody('body', `The request body is larger than ${options.bodyLimitBytes ?? BODY_LIMIT_BYTES} bytes`, 413), 413),
    }),
  )

  app.post('/auth/login', async (c) => {
    parseQuery(c.req.url, EmptyQuerySchema)
    const text = await c.req.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new ApiProblem(400, 'body', 'The body must be JSON: {"username": "…", "password": "…"}')
    }
    const parsed = LoginRequestSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const field = typeof issue?.path[0] === 'string' ? issue.path[0] : 'body'
      throw new ApiProblem(400, field, `${field}: ${issue?.message ?? 'not valid'}`)
    }
    const body = parsed.data
    const email = body.username.trim().toLowerCase()

    if (recentFailures(email).length >= failureLimit) {
      throw new ApiProblem(429, 'throttled', 'Too many failed sign-ins for this user; wait a minute and try again', {
        'Retry-After': String(Math.ceil(windowMs / 1000)),
      })
    }
    const employee = store.employeeByEmail(email)
    const passwordOk = await verifyPassword(body.password, employee?.password_hash ?? decoyHash)
    if (!employee || !passwordOk) {
      recordFailure(email)
      throw new ApiProblem(401, 'credentials_invalid', 'Wrong e-mail or password')
    }
    const secondFactors = [
      { code: 'smsKey', expected: employee.sms_key, given: body.smsKey, what: 'the code sent by SMS (smsKey)' },
      { code: 'authenticatorToken', expected: employee.authenticator_token, given: body.authenticatorToken, what: 'the code from your authenticator app (authenticatorToken)' },
    ] as const
    for (const factor of secondFactors) {
      if (factor.expected === null) continue
      if (factor.given === undefined || factor.given === '') {
        throw new ApiProblem(401, factor.code, `Enter ${factor.what}`)
      }
      const given = Buffer.from(factor.given)
      const expected = Buffer.from(factor.expected)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        recordFailure(email)
        throw new ApiProblem(401, factor.code, `Wrong ${factor.what}; try again`)
      }
    }
    failures.delete(email)

    const created = now()
    store.purgeExpiredTokens(created)
    const token = issueToken(db, employee.id, { now: created, persist: body.persist === true, lifetimeMinutes: lifetimeMs / 60_000 })
    const customer = store.customer(employee.customer)
    const level = AccessLevelSchema.safeParse(employee.access_level)
    const accessLevel = level.success ? level.data : 'NO_LOGIN'
    return c.json({
      token,
      expiresInMinutes: body.persist ? -1 : lifetimeMs / 60_000,
      employee: employee.id,
      customer: employee.customer,
      accessLevel,
      name: employee.name,
      language: employee.language,
      customerName: customer?.name ?? '',
      customerFeatures: customer?.features ?? [],
      ...(accessLevel === 'RESELLER' || accessLevel === 'RESELLER_ADMIN' ? { customerIntegrations: [] } : {}),
    })
  })

  app.get('/auth/login', () => {
    throw new ApiProblem(405, 'method_not_allowed', 'Sign in with POST and a JSON body; passwords never go in URLs')
  })

  app.get('/auth/validateToken', (c) => {
    const query = parseQuery(c.req.url, ValidateTokenQuerySchema)
    // The documented form is ?token=…; the Bearer header is accepted too so no client must put
    // a token in a URL.
    const token = query.token ?? bearerToken(c)
    if (!token) throw new ApiProblem(401, 'format_error', 'Give the token as ?token=… or Authorization: Bearer <token>')
    const session = sessionFromToken(token)
    const base = {
      success: true,
      employee: session.employee.id,
      customer: session.employee.customer,
      accessLevel: session.accessLevel,
    }
    if (!query.extend) return c.json(base)
    const customer = store.customer(session.employee.customer)
    return c.json({
      ...base,
      name: session.employee.name,
      language: session.employee.language,
      customerName: customer?.name ?? '',
      customerFeatures: customer?.features ?? [],
    })
  })

  app.get('/auth/logout', (c) => {
    const session = authenticate(c)
    const ended = store.deleteTokensOf(session.employee.id)
    return c.json({ success: true, tokensEnded: ended })
  })

  app.get('/sip', (c) => {
    const session = authenticate(c)
    const access = sipAccessFor(session.accessLevel)
    if (!access.sipAccounts) throw denied('This access level has no access to SIP accounts')
    const query = parseQuery(c.req.url, SipListQuerySchema)

    let resellerScope: ReadonlySet<string> | undefined
    if (query.reseller !== undefined) {
      if (!access.scope) throw denied('Only RESELLER and ADMIN may list by reseller')
      const reseller = store.customer(query.reseller)
      if (!reseller) throw new ApiProblem(400, 'reseller', 'Reseller not found')
      if (!reseller.isReseller) throw new ApiProblem(400, 'reseller', 'That customer is not a reseller')
      if (session.accessLevel !== 'ADMIN' && !store.resellerTree(session.employee.customer).has(reseller.id)) {
        throw denied('No access to that reseller')
      }
      resellerScope = store.resellerScope(reseller.id)
    }

    let customers: readonly string[]
    let scopeKey: string | undefined
    if (query.customer !== undefined) {
      const customer = store.customer(query.customer)
      if (!customer) throw new ApiProblem(400, 'customer', 'Customer not found')
      if (!canSee(session, customer.id)) throw denied('No access to that customer')
      if (resellerScope && !resellerScope.has(customer.id)) {
        throw new ApiProblem(400, 'customer', 'The customer does not belong to that reseller')
      }
      customers = [customer.id]
    } else if (resellerScope && query.reseller !== undefined) {
      customers = [...resellerScope]
      scopeKey = `reseller:${query.reseller}`
    } else {
      customers = [session.employee.customer]
    }

    const { total, rows } = store.listSip({
      customers,
      scopeKey,
      filter: query.filter,
      up: query.up,
      searchNotes: access.notes,
      offset: query.offset,
      limit: query.limit,
    })
    const full = query.full === true
    const variant = `${full ? 'f' : 'c'}${access.notes ? 'n' : ''}${access.sipServer ? 's' : ''}`
    const accounts = rows.map((row) => {
      // Status is part of the key, so a flipped trunk simply misses; nothing else in a row changes.
      const key = `${row.id}|${row.status ?? ''}|${variant}`
      let json = shapedCache.get(key)
      if (json === undefined) {
        json = JSON.stringify(shapeSipAccount(row, session.accessLevel, full))
        if (shapedCache.size >= SHAPED_CACHE_SIZE) {
          const oldest = shapedCache.keys().next().value
          if (oldest !== undefined) shapedCache.delete(oldest)
        }
        shapedCache.set(key, json)
      }
      return json
    })
    // Assembled from cached JSON fragments: parsing and shaping 100 accounts per request was
    // half of the server's time under load.
    const head = JSON.stringify({ offset: query.offset, limit: query.limit, total })
    return c.body(`${head.slice(0, -1)},"sipAccounts":[${accounts.join(',')}]}`, 200, {
      'Content-Type': 'application/json; charset=UTF-8',
    })
  })

  app.get('/sip/:id', (c) => {
    const session = authenticate(c)
    if (!sipAccessFor(session.accessLevel).sipAccounts) throw denied('This access level has no access to SIP accounts')
    const id = PathIdSchema.safeParse(c.req.param('id'))
    if (!id.success) throw new ApiProblem(400, 'id', 'The SIP account id must be a 24-character hex id')
    const row = store.sipAccount(id.data)
    if (!row) throw new ApiProblem(404, 'not_found', 'SIP account not found')
    if (!canSee(session, row.customer)) throw denied('No access to that SIP account')
    return c.json(shapeSipAccount(row, session.accessLevel, true))
  })

  app.get('/customer', (c) => {
    const session = authenticate(c)
    if (!sipAccessFor(session.accessLevel).scope) throw denied('Only RESELLER and ADMIN may list customers')
    const query = parseQuery(c.req.url, CustomerListQuerySchema)
    const own = session.employee.customer
    const parents = session.accessLevel === 'ADMIN' ? null : query.includeSubresellers ? [...store.resellerTree(own)] : [own]
    const { total, customers } = store.listCustomers({ parents, filter: query.filter, offset: query.offset, limit: query.limit })
    return c.json({ offset: query.offset, limit: query.limit, total, customers: customers.map(customerName) })
  })

  app.get('/customer/resellers/list', (c) => {
    const session = authenticate(c)
    if (!sipAccessFor(session.accessLevel).scope) throw denied('Only RESELLER and ADMIN may list resellers')
    parseQuery(c.req.url, EmptyQuerySchema)
    const allowed = session.accessLevel === 'ADMIN' ? null : store.resellerTree(session.employee.customer)
    return c.json(store.resellers(allowed).map((r) => ({ _id: r.id, name: r.name })))
  })

  app.get('/customer/:id/name', (c) => {
    const session = authenticate(c)
    const id = PathIdSchema.safeParse(c.req.param('id'))
    if (!id.success) throw new ApiProblem(400, 'id', 'The customer id must be a 24-character hex id')
    const customer = store.customer(id.data)
    if (!customer) throw new ApiProblem(404, 'customer', 'Customer not found')
    if (!canSee(session, customer.id)) throw denied('No access to that customer')
    return c.json(customerName(customer))
  })

  app.notFound((c) => c.json(errorBody('not_found', `No such endpoint: ${c.req.method} ${new URL(c.req.url).pathname}`, 404), 404))

  app.onError((error, c) => {
    if (error instanceof ApiProblem) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
      return c.json(errorBody(error.code, error.message, error.status), error.status)
    }
    if (error instanceof ParamError) return c.json(errorBody(error.code, error.message, 400), 400)
    if (error instanceof HTTPException) {
      const status = error.status >= 500 ? 400 : error.status
      return c.json(errorBody('bad_request', error.message || 'Bad request', status), status)
    }
    // A bug, not the client's fault; still the documented shape, and logged for the developer.
    console.error('reference server: unexpected error', error)
    return c.json(errorBody('internal_error', 'The reference server failed; see its log', 500), 500)
  })

  return app
}
