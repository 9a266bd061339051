import type { Database } from 'better-sqlite3'
import type { Hono } from 'hono'
import { expect } from 'vitest'
import { ApiErrorBodySchema } from '../src/api/api-error.ts'
import { createApp, type AppOptions } from './app.ts'
import { createMemoryDatabase } from './database.ts'
import { DEMO_USERS, type DemoUserKey } from './demo-users.ts'
import { TEST_SCRYPT } from './passwords.ts'
import { issueToken } from './tokens.ts'

/** Helpers for the server's own tests: a small seeded in-memory database and app.fetch calls. */

export interface TestResponse {
  status: number
  headers: Headers
  body: unknown
}

/**
 * The documented error body's code (the first, when the API sends several); also checks that the
 * body's status matches the HTTP status.
 */
export function errorCode(response: TestResponse): string | undefined {
  const parsed = ApiErrorBodySchema.parse(response.body)
  const error = Array.isArray(parsed.error) ? parsed.error[0] : parsed.error
  expect(error?.status).toBe(response.status)
  return error?.code
}

export interface TestServer {
  db: Database
  app: Hono
  /** A token for a demo user, minted directly (login has its own tests). */
  tokenFor(user: DemoUserKey): string
  get(path: string, token?: string | null, headers?: Record<string, string>): Promise<TestResponse>
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<TestResponse>
  request(request: Request): Promise<TestResponse>
}

export function createTestServer(options: AppOptions & { accounts?: number; db?: Database } = {}): TestServer {
  const { accounts = 300, db: given, ...appOptions } = options
  const db = given ?? createMemoryDatabase({ accounts, scrypt: TEST_SCRYPT })
  const app = createApp(db, appOptions)
  const request = async (req: Request): Promise<TestResponse> => {
    const response = await app.fetch(req)
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON: tests assert on the text.
    }
    return { status: response.status, headers: response.headers, body }
  }
  return {
    db,
    app,
    tokenFor: (user) => issueToken(db, DEMO_USERS[user].employeeId, appOptions.now ? { now: appOptions.now() } : {}),
    get: (path, token, headers = {}) =>
      request(
        new Request(`http://reference.test${path}`, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } }),
      ),
    post: (path, body, headers = { 'Content-Type': 'application/json' }) =>
      request(
        new Request(`http://reference.test${path}`, {
          method: 'POST',
          headers,
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
    request,
  }
}
