import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { SipAccountListSchema } from '../src/api/sip-account.ts'
import { createApp } from './app.ts'
import { ConfigError, readServerConfig } from './config.ts'
import { createMemoryDatabase } from './database.ts'
import { DEMO_CUSTOMER_IDS, DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts'
import { TEST_SCRYPT } from './passwords.ts'
import { startServer } from './serve.ts'
import { startStatusSimulator } from './status-simulator.ts'
import { issueToken } from './tokens.ts'

const dir = mkdtempSync(join(tmpdir(), 'telecomx-lifecycle-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('graceful shutdown', () => {
  test('close() lets an in-flight request finish, refuses new connections, then the DB closes cleanly', async () => {
    const db = createMemoryDatabase({ accounts: 150, scrypt: TEST_SCRYPT })
    const token = issueToken(db, DEMO_USERS.viewer.employeeId)
    const running = await startServer(createApp(db, { latencyMs: 300 }), { port: 0 })
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    // The server has the request once its 'request' event fires; the latency keeps it in flight.
    const received = new Promise((resolve) => running.server.once('request', resolve))
    const inFlight = fetch(`${running.url}/sip?limit=3`, { headers: { Authorization: `Bearer ${token}` } })
    await received
    const closed = running.close()
    await expect(fetch(`${running.url}/sip`)).rejects.toThrow()
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(SipAccountListSchema.parse(await response.json()).sipAccounts).toHaveLength(3)
    await closed
    db.close()
    expect(db.open).toBe(false)
  })

  test('npm run server: SIGTERM finishes the in-flight request and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'main.ts')], {
      env: {
        ...process.env,
        DB_PATH: join(dir, 'main.sqlite'),
        API_PORT: '0',
        TELECOMX_ACCOUNTS: '100',
        API_LATENCY_MS: '400',
        TELECOMX_LOG_REQUESTS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const waiters: { text: string; resolve: () => void }[] = []
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      for (const waiter of waiters.filter((w) => output.includes(w.text))) waiter.resolve()
    })
    /** Resolves when the server has printed `text` (e.g. the request log line of a request it received). */
    const printed = (text: string) => new Promise<void>((resolve) => waiters.push({ text, resolve }))
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /reference API on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
        if (match?.[1]) resolve(match[1])
      })
      child.once('exit', () => reject(new Error(`server exited early:\n${output}`)))
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    const received = printed('POST /auth/login')
    const inFlight = fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: DEMO_USERS.viewer.email, password: DEMO_PASSWORD }),
    })
    await received
    child.kill('SIGTERM')
    expect((await inFlight).status).toBe(200)
    expect(await exited).toBe(0)
    expect(output).toContain('Reference API stopped.')
    expect(output).toContain('admin@telecomx.test')
    // The search index is built before the server listens, so no request waits for it.
    expect(output).toMatch(/Search index of [\d,]+ SIP accounts built in \d+ ms\.\n[\s\S]*reference API on/)
  }, 30_000)
})

describe('configuration', () => {
  test('defaults, environment, and flags (flags win)', () => {
    expect(readServerConfig([], {})).toEqual({
      port: 8787,
      dbPath: 'data/telecomx.sqlite',
      reset: false,
      accounts: 2000,
      latencyMs: 0,
      simulateStatus: false,
      logRequests: false,
      trustProxy: false,
    })
    expect(
      readServerConfig([], {
        API_PORT: '9000',
        TELECOMX_RESET: '1',
        TELECOMX_ACCOUNTS: '100000',
        API_LATENCY_MS: '250',
        DB_PATH: 'x.sqlite',
      }),
    ).toMatchObject({
      port: 9000,
      reset: true,
      accounts: 100000,
      latencyMs: 250,
      dbPath: 'x.sqlite',
    })
    expect(readServerConfig(['--reset', '--accounts', '500', '--simulate'], { TELECOMX_ACCOUNTS: '100000' })).toMatchObject({
      reset: true,
      accounts: 500,
      simulateStatus: true,
    })
    expect(() => readServerConfig(['--accounts', 'many'], {})).toThrow()
    expect(() => readServerConfig(['--bogus'], {})).toThrow(/Unknown option/)
    expect(() => readServerConfig([], { API_PORT: '70000' })).toThrow(ConfigError)
    expect(readServerConfig(['--log-requests'], {}).logRequests).toBe(true)
  })

  test('a bad flag stops npm run server with one line and exit code 1, no stack trace', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'main.ts'), '--accounts', 'many'], {
      env: { ...process.env, DB_PATH: join(dir, 'never.sqlite'), API_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(1)
    expect(stderr.trim()).toBe('--accounts must be a whole number')
  }, 30_000)
})

test('the status simulator flips trunks of the demo customer, visible to the next request', async () => {
  const db = createMemoryDatabase({ accounts: 150, scrypt: TEST_SCRYPT })
  const app = createApp(db)
  const token = issueToken(db, DEMO_USERS.viewer.employeeId)
  const statuses = async () => {
    const response = await app.fetch(
      new Request(`http://x/sip?limit=500&customer=${DEMO_CUSTOMER_IDS.demoCustomer}`, { headers: { Authorization: `Bearer ${token}` } }),
    )
    return SipAccountListSchema.parse(await response.json())
      .sipAccounts.map((a) => `${a._id}:${a.status ?? '-'}`)
      .join()
  }
  const before = await statuses()
  // A fake clock drives the simulator's interval: six ticks, no waiting.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  try {
    const simulator = startStatusSimulator(db, { intervalMs: 20 })
    vi.advanceTimersByTime(120)
    simulator.stop()
  } finally {
    vi.useRealTimers()
  }
  expect(await statuses()).not.toBe(before)
  db.close()
})
