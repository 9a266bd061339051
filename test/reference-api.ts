import type { Database } from 'better-sqlite3'
import type { Hono } from 'hono'
import { http, HttpResponse } from 'msw'
import { setupServer, type SetupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createApp, type AppOptions } from '../server/app.ts'
import { createMemoryDatabase } from '../server/database.ts'
import { DEMO_USERS, type DemoUser, type DemoUserKey } from '../server/demo-users.ts'
import { TEST_SCRYPT } from '../server/passwords.ts'
import { issueToken } from '../server/tokens.ts'

/*
 * The network of component tests, faked at the HTTP layer: MSW forwards every request to
 * `/api/*` (any origin) to the real reference server (createApp) over a fresh in-memory SQLite
 * database, with the `/api` prefix stripped exactly as Vite's proxy does. Tests therefore run
 * against the same server code as `npm start`; faults, delays and bad payloads are added per test
 * with `api.server.use(...)` (MSW handlers added later win).
 */

export interface ReferenceApiOptions extends AppOptions {
  /** SIP accounts to seed (default 300: seeds in ~50 ms). */
  accounts?: number
}

export interface ReferenceApi {
  /** The MSW server; `server.use(http.get('*\/api/sip', …))` overrides one test. */
  server: SetupServer
  db: Database
  app: Hono
  /** The demo users (emails, password, levels, customer ids). */
  users: typeof DEMO_USERS
  /** A valid token for a demo user, minted directly (no scrypt, no throttle). */
  tokenFor(user: DemoUserKey | DemoUser, options?: { persist?: boolean; now?: number }): string
  /** The MSW handler that forwards to the reference server (re-add it after `server.resetHandlers(...)` with other handlers). */
  forward: ReturnType<typeof http.all>
  /** Answers an /api request from the reference server, as `forward` does (for handlers that delay or inspect first). */
  answer(request: Request): Promise<Response>
  /** Resolves once every request the server is answering has its answer (before closing the database). */
  settled(): Promise<void>
}

/** Builds everything without registering vitest hooks (for tests that manage the lifecycle). */
export function createReferenceApi(options: ReferenceApiOptions = {}): ReferenceApi {
  const { accounts = 300, ...appOptions } = options
  const db = createMemoryDatabase({ accounts, scrypt: TEST_SCRYPT })
  const app = createApp(db, appOptions)
  // A request still on its way when the file's tests are over (an idle preload, a refetch of an
  // app already unmounted) finds the server gone, as it would in a browser, instead of a closed
  // database that logs an error; one already being answered is waited for (settled()).
  const inFlight = new Set<Promise<Response>>()
  const answer = (request: Request): Promise<Response> => {
    if (!db.open) return Promise.resolve(HttpResponse.error())
    const answered = answerRequest(request)
    inFlight.add(answered)
    void answered.finally(() => inFlight.delete(answered)).catch(() => undefined)
    return answered
  }
  const forward = http.all('*/api/*', ({ request }) => answer(request))
  async function answerRequest(request: Request): Promise<Response> {
    const url = new URL(request.url)
    url.pathname = url.pathname.replace(/^\/api(?=\/|$)/, '') || '/'
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
    const forwarded = new Request(url, {
      method: request.method,
      headers: request.headers,
      body: hasBody ? await request.arrayBuffer() : null,
    })
    return app.fetch(forwarded)
  }
  const server = setupServer(forward)
  return {
    server,
    db,
    app,
    users: DEMO_USERS,
    forward,
    answer,
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled(inFlight)
    },
    tokenFor(user, tokenOptions = {}) {
      const demo = typeof user === 'string' ? DEMO_USERS[user] : user
      return issueToken(db, demo.employeeId, tokenOptions)
    },
  }
}

/**
 * For a test file: creates the reference API once, starts MSW before the tests
 * (onUnhandledRequest: 'error'), resets per-test overrides after each, closes after all.
 */
export function setupReferenceApi(options: ReferenceApiOptions = {}): ReferenceApi {
  const api = createReferenceApi(options)
  beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => api.server.resetHandlers())
  afterAll(async () => {
    api.server.close()
    await api.settled()
    api.db.close()
  })
  return api
}
