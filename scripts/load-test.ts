import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import autocannon, { type Result } from 'autocannon'
import { LoginResponseSchema } from '../src/api/auth.ts'
import { DEMO_CUSTOMER_IDS, DEMO_PASSWORD, DEMO_USERS } from '../server/demo-users.ts'
import { openDatabase } from '../server/database.ts'

/*
 * `npm run load`: the reference server (its own process, as `npm run server` runs it) on a free
 * loopback port with the 100,000-account database, from a cold start (no warm-up request); autocannon sends GET /sip with rotating
 * filters and scopes from 200 connections for 20 s. Signs in once (persist token, so neither
 * expiry nor login throttling can interfere). Writes bench-results/load.json.
 * Env: LOAD_CONNECTIONS (200), LOAD_SECONDS (20), LOAD_LIMIT (the API's default 100), BENCH_ACCOUNTS (100000), BENCH_DB.
 */

const ROOT = join(import.meta.dirname, '..')
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000)
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200)
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20)
const DB_PATH = process.env.BENCH_DB ?? join(ROOT, `data/telecomx-${ACCOUNTS / 1000}k.sqlite`)

// Seed (once) here, so the server process starts on a complete database.
openDatabase({ path: DB_PATH, accounts: ACCOUNTS, log: (m) => console.log(m) }).close()

const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
  cwd: ROOT,
  env: { ...process.env, DB_PATH, API_PORT: '0', TELECOMX_ACCOUNTS: String(ACCOUNTS), TELECOMX_SIMULATE: '0', API_LATENCY_MS: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
})
const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)))
const url = await new Promise<string>((resolve, reject) => {
  let output = ''
  server.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    const match = /reference API on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
    if (match?.[1]) resolve(match[1])
  })
  void exited.then(() => reject(new Error(`server exited:\n${output}`)))
})

try {
  const login = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: DEMO_USERS.reseller.email, password: DEMO_PASSWORD, persist: true }),
  })
  const { token } = LoginResponseSchema.parse(await login.json())
  const headers = { Authorization: `Bearer ${token}` }
  // No warm-up request: the server builds its search index before it listens, so the load
  // starts cold, as the first users after a start would (issue #10: 204 timeouts when it did not).

  const scopes = [
    `reseller=${DEMO_CUSTOMER_IDS.reseller}`,
    `customer=${DEMO_CUSTOMER_IDS.demoCustomer}`,
    `reseller=${DEMO_CUSTOMER_IDS.subReseller}`,
  ]
  const filters = [
    '',
    '80808080',
    '77.66.100',
    'kontor',
    'værksted',
    '4580',
    'lager århus',
    '185.20',
    'kø',
    '&up=false',
    '&full=true',
    '7030',
  ]
  const limit = process.env.LOAD_LIMIT ? `&limit=${process.env.LOAD_LIMIT}` : ''
  const paths = scopes.flatMap((scope) =>
    filters.map((f) =>
      f.startsWith('&') ? `/sip?${scope}${limit}${f}` : `/sip?${scope}${limit}${f ? `&filter=${encodeURIComponent(f)}` : ''}`,
    ),
  )
  let next = 0
  // The machine may be shared (2 cores): a busy neighbour shows up as latency, so the load is recorded.
  const loadBefore = loadavg()[0] ?? 0
  console.log(`autocannon: ${CONNECTIONS} connections, ${SECONDS} s, GET /sip rotating ${paths.length} scope/filter combinations on ${url}`)
  // Per second: responses and timeouts, so a stall (a cold start, a busy neighbour) shows where it is.
  const perSecond: { responses: number; timeouts: number }[] = []
  let timeoutsThisSecond = 0
  const result = await new Promise<Result>((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        timeout: 10,
        headers,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/sip' }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
      .on('tick', ({ counter }) => {
        perSecond.push({ responses: counter, timeouts: timeoutsThisSecond })
        timeoutsThisSecond = 0
      })
      .on('reqError', (error) => {
        if (/timed out/.test(error.message)) timeoutsThisSecond++
      })
  })
  const summary = {
    date: new Date().toISOString(),
    accounts: ACCOUNTS,
    connections: CONNECTIONS,
    seconds: SECONDS,
    cpus: cpus().length,
    node: process.version,
    /** 1-minute load average before and after the run; above the core count, figures are upper bounds. */
    loadAverage: { before: Number(loadBefore.toFixed(2)), after: Number((loadavg()[0] ?? 0).toFixed(2)) },
    requests: result.requests.total,
    throughputPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    perSecond,
  }
  console.log('')
  console.log(`requests        ${summary.requests.toLocaleString('en-US')} (${summary.ok2xx.toLocaleString('en-US')} 2xx)`)
  console.log(`throughput      ${summary.throughputPerSecond.toLocaleString('en-US')} req/s`)
  console.log(
    `latency         p50 ${summary.latencyMs.p50} ms · p90 ${summary.latencyMs.p90} ms · p99 ${summary.latencyMs.p99} ms · max ${summary.latencyMs.max} ms`,
  )
  console.log(`non-2xx ${summary.non2xx} · errors ${summary.errors} · timeouts ${summary.timeouts}`)
  console.log(`per second      ${perSecond.map((s) => (s.timeouts ? `${s.responses}(${s.timeouts} t/o)` : String(s.responses))).join(' ')}`)
  console.log(`load average    ${summary.loadAverage.before} before · ${summary.loadAverage.after} after (${summary.cpus} cores)`)
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true })
  writeFileSync(join(ROOT, 'bench-results/load.json'), `${JSON.stringify(summary, null, 2)}\n`)
  console.log('wrote bench-results/load.json')
  if (summary.non2xx + summary.errors + summary.timeouts > 0) process.exitCode = 1
} finally {
  server.kill('SIGTERM')
  await exited
}
