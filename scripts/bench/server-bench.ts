/*
 * Reference server latency for `npm run bench`: GET /sip p50/p99 with and without a filter,
 * measured against the same running server (100k accounts) the browser figures used.
 * Sequential requests from one client over keep-alive, so the figures are per-request latency,
 * not throughput.
 */
import { percentile } from './stats.ts'
import { DirectApi } from '../../test/e2e/harness/api.ts'
import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'

export interface ServerBenchRow {
  label: string
  query: Record<string, string>
  requests: number
  p50Ms: number
  p99Ms: number
}

export interface ServerBenchResult {
  method: string
  rows: ServerBenchRow[]
}

export interface ServerBenchOptions {
  apiUrl: string
  dbPath: string
  accounts: number
  log: (line: string) => void
  requests?: number
}

async function measure(api: DirectApi, token: string, query: Record<string, string>, count: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    const { status } = await api.getRaw('/sip', query, token)
    const elapsed = performance.now() - started
    if (status !== 200) throw new Error(`server bench: GET /sip ${new URLSearchParams(query).toString()} → ${status}`)
    times.push(elapsed)
  }
  return times
}

export async function runServerBench(options: ServerBenchOptions): Promise<ServerBenchResult> {
  const count = options.requests ?? 500
  const api = new DirectApi(options.apiUrl)
  const admin = (await api.login('admin')).token
  const reseller = (await api.login('reseller')).token
  const cases: { label: string; token: string; query: Record<string, string> }[] = [
    { label: 'ADMIN, a reseller book, no filter', token: admin, query: { reseller: DEMO_CUSTOMER_IDS.reseller, limit: '100' } },
    { label: 'ADMIN, a reseller book, filter "Kontor"', token: admin, query: { reseller: DEMO_CUSTOMER_IDS.reseller, filter: 'Kontor', limit: '100' } },
    { label: 'RESELLER, one customer, no filter', token: reseller, query: { customer: DEMO_CUSTOMER_IDS.demoCustomer, limit: '100' } },
    { label: 'RESELLER, one customer, filter "80808080"', token: reseller, query: { customer: DEMO_CUSTOMER_IDS.demoCustomer, filter: '80808080' } },
    { label: 'RESELLER, whole book, filter "77.66.100"', token: reseller, query: { reseller: DEMO_CUSTOMER_IDS.reseller, filter: '77.66.100', limit: '100' } },
  ]
  const rows: ServerBenchRow[] = []
  for (const c of cases) {
    options.log(`bench: server ${c.label} (${count} requests + 50 warm-up)`)
    await measure(api, c.token, c.query, 50)
    const times = await measure(api, c.token, c.query, count)
    rows.push({ label: c.label, query: c.query, requests: count, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) })
  }
  return {
    method: `sequential GET /sip from Node fetch over loopback to the reference server (${options.accounts} accounts), ${count} requests per case after 50 warm-up; client-observed latency`,
    rows,
  }
}
