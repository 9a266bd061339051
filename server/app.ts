import { setTimeout as sleep } from 'node:timers/promises'
import type { Database } from 'better-sqlite3'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { errorBody } from '../src/api/api-error.ts'
import { ApiProblem } from './api-problem.ts'
import { socketClientIp } from './auth/client-ip.ts'
import { DEFAULT_LOGIN_LIMITS, LoginThrottle } from './auth/login-throttle.ts'
import { createSessionAuth } from './auth/session.ts'
import { verifyPassword } from './passwords.ts'
import { ParamError } from './query-params.ts'
import { registerAuthRoutes } from './routes/auth-routes.ts'
import { registerCustomerRoutes } from './routes/customer-routes.ts'
import { registerSipRoutes } from './routes/sip-routes.ts'
import { createStore } from './store.ts'
import { TOKEN_LIFETIME_MINUTES } from './tokens.ts'
import { createTurnstile } from './turnstile.ts'

// Kept importable from here: callers and tests have always found it beside createApp.
export { ApiProblem }

export interface AppOptions {
  /** Artificial latency added to every request (API_LATENCY_MS), for demos of loading states. */
  latencyMs?: number
  /** Milliseconds since the epoch; injected by tests to expire tokens without waiting. */
  now?: () => number
  tokenLifetimeMinutes?: number
  /** Failed logins per e-mail and client address within loginWindowMs before 429 throttled. */
  loginFailureLimit?: number
  /** Failed logins per e-mail from all addresses within the window. */
  loginAccountFailureLimit?: number
  /** Failed logins per client address, whatever the e-mails, within the window. */
  loginAddressFailureLimit?: number
  loginWindowMs?: number
  /** Entries per throttle counter (memory bound). */
  loginThrottleMaxKeys?: number
  /** The address the throttle counts by; default the TCP peer (never X-Forwarded-For). */
  clientIp?: (c: Context) => string
  /** The password check; injected by tests to count how many checks an attack gets. */
  passwordCheck?: (password: string, stored: string) => Promise<boolean>
  bodyLimitBytes?: number
}

export const BODY_LIMIT_BYTES = 16 * 1024

/** Node's error for a request stream whose client went away ("aborted", ECONNRESET). */
function isConnectionReset(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ECONNRESET'
}

/** The reference Telecom X API: middleware, the route modules, and the documented error body. */
export function createApp(db: Database, options: AppOptions = {}): Hono {
  const store = createStore(db)
  const now = options.now ?? Date.now
  const latencyMs = options.latencyMs ?? 0
  const bodyLimitBytes = options.bodyLimitBytes ?? BODY_LIMIT_BYTES
  const auth = createSessionAuth(store, now)
  const throttle = new LoginThrottle(
    {
      windowMs: options.loginWindowMs ?? DEFAULT_LOGIN_LIMITS.windowMs,
      accountAddressLimit: options.loginFailureLimit ?? DEFAULT_LOGIN_LIMITS.accountAddressLimit,
      accountLimit: options.loginAccountFailureLimit ?? DEFAULT_LOGIN_LIMITS.accountLimit,
      addressLimit: options.loginAddressFailureLimit ?? DEFAULT_LOGIN_LIMITS.addressLimit,
      maxKeys: options.loginThrottleMaxKeys ?? DEFAULT_LOGIN_LIMITS.maxKeys,
    },
    now,
  )

  const app = new Hono()
  const turn = createTurnstile()

  app.use('*', async (c, next) => {
    if (latencyMs > 0) await sleep(latencyMs)
    // Its own turn of the event loop, so new connections are accepted under load (turnstile.ts).
    await turn()
    await next()
    // Responses can carry SIP passwords: never let a browser or proxy cache store them.
    c.res.headers.set('Cache-Control', 'no-store')
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
  })

  app.use(
    '*',
    bodyLimit({
      maxSize: bodyLimitBytes,
      onError: (c) => c.json(errorBody('body', `The request body is larger than ${bodyLimitBytes} bytes`, 413), 413),
    }),
  )

  registerAuthRoutes(app, {
    db,
    store,
    auth,
    throttle,
    now,
    lifetimeMinutes: options.tokenLifetimeMinutes ?? TOKEN_LIFETIME_MINUTES,
    clientIp: options.clientIp ?? socketClientIp,
    passwordCheck: options.passwordCheck ?? verifyPassword,
  })
  registerSipRoutes(app, { store, auth })
  registerCustomerRoutes(app, { store, auth })

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
    // The client hung up: nobody reads this answer, and logging it would let any unauthenticated
    // client fill the log.
    if (c.req.raw.signal.aborted || isConnectionReset(error)) {
      return c.json(errorBody('aborted', 'The client closed the request', 400), 400)
    }
    // A bug, not the client's fault; still the documented shape, and logged for the developer.
    console.error('reference server: unexpected error', error)
    return c.json(errorBody('internal_error', 'The reference server failed; see its log', 500), 500)
  })

  return app
}
