import { timingSafeEqual } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { Context, Hono } from 'hono'
import { LoginRequestSchema, type LoginRequest } from '../../src/api/auth.ts'
import { ApiProblem } from '../api-problem.ts'
import type { LoginThrottle, ReservedAttempt } from '../auth/login-throttle.ts'
import { levelOf, type SessionAuth } from '../auth/session.ts'
import { EmptyQuerySchema, ValidateTokenQuerySchema, parseQuery } from '../query-params.ts'
import type { EmployeeRecord, Store } from '../store.ts'
import { issueToken } from '../tokens.ts'

export interface AuthRoutesDeps {
  db: Database
  store: Store
  auth: SessionAuth
  throttle: LoginThrottle
  now: () => number
  lifetimeMinutes: number
  clientIp: (c: Context) => string
  passwordCheck: (password: string, stored: string) => Promise<boolean>
}

const THROTTLE_MESSAGES = {
  account: 'Too many failed sign-ins for this user; wait a minute and try again',
  address: 'Too many failed sign-ins from this address; wait a minute and try again',
  full: 'Too many failed sign-ins on this server right now; wait a minute and try again',
} as const

/** The body as text; a client that hangs up mid-body is a 400, not a server fault. */
async function readBody(c: Context): Promise<string> {
  try {
    return await c.req.text()
  } catch {
    throw new ApiProblem(400, 'body', 'The request body could not be read to its end')
  }
}

/** Wrong or missing second-factor code → ApiProblem; which outcome it is for the throttle. */
function checkSecondFactors(
  employee: EmployeeRecord,
  given: Pick<LoginRequest, 'smsKey' | 'authenticatorToken'>,
): { outcome: 'failure' | 'unchecked'; problem: ApiProblem } | null {
  const factors = [
    { code: 'smsKey', expected: employee.sms_key, given: given.smsKey, what: 'the code sent by SMS (smsKey)' },
    {
      code: 'authenticatorToken',
      expected: employee.authenticator_token,
      given: given.authenticatorToken,
      what: 'the code from your authenticator app (authenticatorToken)',
    },
  ] as const
  for (const factor of factors) {
    if (factor.expected === null) continue
    if (factor.given === undefined || factor.given === '') {
      // Asking for the code is the normal second step, not a failed guess.
      return { outcome: 'unchecked', problem: new ApiProblem(401, factor.code, `Enter ${factor.what}`) }
    }
    const a = Buffer.from(factor.given)
    const b = Buffer.from(factor.expected)
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      return { outcome: 'failure', problem: new ApiProblem(401, factor.code, `Wrong ${factor.what}; try again`) }
    }
  }
  return null
}

export function registerAuthRoutes(app: Hono, deps: AuthRoutesDeps): void {
  const { db, store, auth, throttle, now, lifetimeMinutes } = deps
  // Unknown e-mails are checked against a real hash too, so timing does not reveal which exist.
  const decoyHash = store.anyPasswordHash() ?? 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

  const checkCredentials = async (attempt: ReservedAttempt, body: LoginRequest, email: string): Promise<EmployeeRecord> => {
    const employee = store.employeeByEmail(email)
    const passwordOk = await deps.passwordCheck(body.password, employee?.password_hash ?? decoyHash)
    if (!employee || !passwordOk) {
      attempt.finish('failure')
      throw new ApiProblem(401, 'credentials_invalid', 'Wrong e-mail or password')
    }
    const second = checkSecondFactors(employee, body)
    if (second) {
      attempt.finish(second.outcome)
      throw second.problem
    }
    attempt.finish('success')
    return employee
  }

  app.post('/auth/login', async (c) => {
    parseQuery(c.req.url, EmptyQuerySchema)
    const text = await readBody(c)
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

    // Reserved before the hash (which yields to other requests), so parallel attempts see each other.
    const reservation = throttle.reserve(email, deps.clientIp(c))
    if (!reservation.ok) {
      throw new ApiProblem(429, 'throttled', THROTTLE_MESSAGES[reservation.reason], {
        'Retry-After': String(reservation.retryAfterSeconds),
      })
    }
    let employee: EmployeeRecord
    try {
      employee = await checkCredentials(reservation.attempt, body, email)
    } finally {
      // A thrown bug must not leave the attempt in flight forever (it would block the account).
      reservation.attempt.finish('unchecked')
    }

    const created = now()
    store.purgeExpiredTokens(created)
    const token = issueToken(db, employee.id, { now: created, persist: body.persist === true, lifetimeMinutes })
    const customer = store.customer(employee.customer)
    const accessLevel = levelOf(employee)
    return c.json({
      token,
      expiresInMinutes: body.persist ? -1 : lifetimeMinutes,
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
    // Only the documented form (?token=…) is accepted, and an Authorization header beside it is
    // ignored: a server that also took the header let the dashboard drift from the real API
    // unnoticed (docs/decisions/021-validate-token-documented-form.md).
    if (!query.token) {
      throw new ApiProblem(401, 'format_error', 'Give the token to check as the token parameter: GET /auth/validateToken?token=…')
    }
    const session = auth.sessionFromToken(query.token)
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
    const session = auth.authenticate(c)
    const ended = store.deleteTokensOf(session.employee.id)
    return c.json({ success: true, tokensEnded: ended })
  })
}
