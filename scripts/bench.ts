/*
 * `npm run bench`: numbers, not pass/fail. Headless Chromium against the production build
 * (`vite build` + `vite preview`) and the reference server on a 100,000-account database
 * (cached under data/, reused across runs), median of BENCH_RUNS (default 7, at least 5) runs per
 * figure after one warm-up. Prints a table and writes bench-results/bench.json.
 *
 * Env: BENCH_RUNS (≥5), BENCH_ACCOUNTS (default 100000), BENCH_DB (default data/telecomx-100k.sqlite),
 * BENCH_ONLY (comma list of sections: cold,signin,page,rows500,typing,drawer,export,heap,server),
 * BENCH_API_LATENCY_MS (default 0: the reference server's API_LATENCY_MS, added to every API
 * request, so round trips a real network would cost show up, e.g. in the reload's resume).
 * `BENCH_ONLY=cold BENCH_API_LATENCY_MS=100 npm run bench` measures just the reload.
 * BENCH_DIST: an existing `vite build` output to measure instead of building (compare two builds
 * back to back, under the same machine load).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, relative } from 'node:path'
import type { Browser } from 'playwright-core'
import { DEMO_CUSTOMER_IDS } from '../server/demo-users.ts'
import { DirectApi } from '../test/e2e/harness/api.ts'
import { launchChromium } from '../test/e2e/harness/browser.ts'
import { ROOT, startStack, type Stack } from '../test/e2e/harness/stack.ts'
import {
  coldLoad,
  drawerOpen,
  exportCsv,
  heapAfterPaging,
  pageChange,
  render500,
  signInToRows,
  typingSearch,
  SEARCH_TEXT,
  type BenchEnv,
  type Samples,
} from './bench/browser-bench.ts'
import { runServerBench, type ServerBenchResult } from './bench/server-bench.ts'
import { round, summarize, type Summary } from './bench/stats.ts'
import { ensureChromium } from './ensure-chromium.ts'

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7) || 7)
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000) || 100_000
// The same file scripts/bench-server.ts seeds and caches, so it is seeded once for both.
const DB_PATH = process.env.BENCH_DB ?? join(ROOT, `data/telecomx-${ACCOUNTS / 1000}k.sqlite`)
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean))
const wanted = (section: string): boolean => ONLY.size === 0 || ONLY.has(section)
const API_LATENCY_MS = Math.max(0, Number(process.env.BENCH_API_LATENCY_MS ?? 0) || 0)

interface Figure {
  key: string
  label: string
  unit: string
  target?: { max: number; text: string }
}

const FIGURES: Figure[] = [
  {
    key: 'coldLoad.firstRowsMs',
    label: 'cold load → first rows (signed in, HTTP cache off)',
    unit: 'ms',
    target: { max: 400, text: '≤ 400 ms' },
  },
  { key: 'coldLoad.domContentLoadedMs', label: '  of which: DOMContentLoaded', unit: 'ms' },
  { key: 'coldLoad.validateTokenEndMs', label: '  of which: validateToken answered (resume)', unit: 'ms' },
  { key: 'coldLoad.sipStartMs', label: '  of which: GET /sip sent', unit: 'ms' },
  { key: 'coldLoad.sipResponseEndMs', label: '  of which: GET /sip answered', unit: 'ms' },
  { key: 'signIn.firstRowsMs', label: 'sign-in click → first rows', unit: 'ms' },
  { key: 'signIn.loginAnsweredMs', label: '  of which: POST /auth/login answered (scrypt)', unit: 'ms' },
  { key: 'pageChange.uncachedMs', label: 'page change, uncached (Previous from a deep link)', unit: 'ms' },
  { key: 'pageChange.cachedMs', label: 'page change, cached: click → painted frame', unit: 'ms' },
  { key: 'pageChange.cachedDomMs', label: 'page change, cached: click → rows in DOM', unit: 'ms' },
  {
    key: 'pageChange.cachedScriptMs',
    label: '  of which the page’s own work: click handled → rows in DOM',
    unit: 'ms',
    target: { max: 16.7, text: '≤ 1 frame (16.7 ms)' },
  },
  { key: 'rows500.selectToRowsMs', label: 'rows per page 500 (from page 2): select → first screenful painted', unit: 'ms' },
  {
    key: 'rows500.answerToPaintedMs',
    label: 'rows per page 500: answer → first screenful painted',
    unit: 'ms',
    target: { max: 100, text: '≤ 100 ms' },
  },
  { key: 'rows500.scriptingMs', label: 'rows per page 500: scripting', unit: 'ms', target: { max: 50, text: '≤ 50 ms' } },
  { key: 'rows500.layoutAndStyleMs', label: 'rows per page 500: style + layout', unit: 'ms' },
  { key: 'rows500.longTasks', label: 'rows per page 500: long tasks', unit: '' },
  { key: 'rows500.longestTaskMs', label: 'rows per page 500: longest task', unit: 'ms' },
  { key: 'typing.lastKeyToRowsMs', label: `typing "${SEARCH_TEXT}": last key → final rows`, unit: 'ms' },
  { key: 'typing.firstKeyToRowsMs', label: `typing "${SEARCH_TEXT}": first key → final rows`, unit: 'ms' },
  { key: 'typing.requests', label: `typing "${SEARCH_TEXT}": GET /sip requests sent (all)`, unit: '', target: { max: 2, text: '1–2' } },
  { key: 'typing.searchRequests', label: `  of which for the first page (the rest: next-page prefetch)`, unit: '' },
  { key: 'typing.longTasks', label: `typing "${SEARCH_TEXT}": long tasks, first key → rows`, unit: '' },
  {
    key: 'typing.longestTaskMs',
    label: `typing "${SEARCH_TEXT}": longest task, first key → rows`,
    unit: 'ms',
    target: { max: 50, text: 'none > 50 ms' },
  },
  {
    key: 'typing.longestTaskWhileKeysMs',
    label: `  longest task while the keys go in`,
    unit: 'ms',
    target: { max: 50, text: 'none > 50 ms' },
  },
  { key: 'drawer.firstOpenMs', label: 'drawer: first open after load (code + data)', unit: 'ms' },
  { key: 'drawer.notPrefetchedMs', label: 'drawer: click → details, not prefetched', unit: 'ms' },
  { key: 'drawer.prefetchedMs', label: 'drawer: click → details, prefetched on hover', unit: 'ms' },
  { key: 'export.rows', label: 'CSV export: rows (the book’s down trunks)', unit: '' },
  { key: 'export.totalMs', label: 'CSV export: click → download', unit: 'ms' },
  { key: 'export.scriptingMs', label: 'CSV export: scripting', unit: 'ms' },
  { key: 'export.longTasks', label: 'CSV export: long tasks', unit: '' },
  {
    key: 'export.longestTaskMs',
    label: 'CSV export: longest task (page stays responsive)',
    unit: 'ms',
    target: { max: 100, text: '≤ 100 ms' },
  },
  { key: 'heap.startMB', label: 'JS heap at start (after GC)', unit: 'MB' },
  { key: 'heap.after10PagesMB', label: 'JS heap after 10 pages', unit: 'MB' },
  { key: 'heap.after20PagesMB', label: 'JS heap after 20 pages', unit: 'MB' },
  { key: 'heap.after30PagesMB', label: 'JS heap after 30 pages', unit: 'MB' },
  { key: 'heap.after40PagesMB', label: 'JS heap after 40 pages', unit: 'MB' },
  { key: 'heap.after50PagesMB', label: 'JS heap after 50 pages', unit: 'MB' },
]

function table(summaries: Record<string, Summary>, server: ServerBenchResult | null): string {
  const lines = [`${'figure'.padEnd(58)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)}  target`]
  for (const figure of FIGURES) {
    const s = summaries[figure.key]
    if (!s) continue
    const fmt = (v: number): string => `${round(v, figure.unit === 'MB' ? 2 : 1)}${figure.unit ? ` ${figure.unit}` : ''}`
    const verdict = figure.target ? `${figure.target.text} ${s.median <= figure.target.max ? '✓' : '✗ missed'}` : ''
    lines.push(`${figure.label.padEnd(58)} ${fmt(s.median).padStart(9)} ${fmt(s.min).padStart(9)} ${fmt(s.max).padStart(9)}  ${verdict}`)
  }
  if (server) {
    for (const row of server.rows) {
      lines.push(
        `${`server GET /sip ${row.label}`.padEnd(80)} p50 ${`${round(row.p50Ms, 2)} ms`.padStart(9)}  p99 ${`${round(row.p99Ms, 2)} ms`.padStart(9)}`,
      )
    }
    if (server.filterWorst) {
      const w = server.filterWorst
      lines.push(
        `server, filter queries: worst p50 ${w.p50} ms, worst p99 ${w.p99} ms — target p50 ≤ 5 ms, p99 ≤ 20 ms ${w.met ? '✓' : '✗ missed'}`,
      )
    }
  }
  return lines.join('\n')
}

async function main(): Promise<void> {
  const chromiumPath = ensureChromium()
  const log = (line: string): void => console.log(line)
  log(
    `bench: ${ACCOUNTS.toLocaleString('en-US')} accounts in ${relative(ROOT, DB_PATH)} (seeded once, then reused), ${RUNS} runs per figure`,
  )
  if (API_LATENCY_MS > 0) log(`bench: ${API_LATENCY_MS} ms of artificial latency on every API request`)
  const started = Date.now()
  const loadBefore = loadavg()[0] ?? 0
  let stack: Stack | undefined
  let browser: Browser | undefined
  const samples: Samples = {}
  let server: ServerBenchResult | null = null
  let chromiumVersion = ''
  try {
    stack = await startStack({
      accounts: ACCOUNTS,
      dbPath: DB_PATH,
      reset: false,
      startTimeoutMs: 600_000,
      env: { API_LATENCY_MS: String(API_LATENCY_MS) },
      ...(process.env.BENCH_DIST ? { distDir: process.env.BENCH_DIST } : {}),
    })
    log(`bench: app ${stack.appUrl}, API ${stack.apiUrl} (ready after ${((Date.now() - started) / 1000).toFixed(1)} s)`)
    browser = await launchChromium(chromiumPath)
    chromiumVersion = browser.version()
    const api = new DirectApi(stack.apiUrl)
    const token = (await api.login('reseller')).token
    // RESELLER looking at its whole book (its own and its sub-reseller's customers): the biggest realistic list.
    const scope = { reseller: DEMO_CUSTOMER_IDS.reseller }
    const total = (await api.listSip(token, { ...scope, limit: 1 })).total
    log(`bench: view = RESELLER, ?reseller=${scope.reseller} (${total.toLocaleString('en-US')} accounts)`)
    const env: BenchEnv = { browser, appUrl: stack.appUrl, api, token, scope, runs: RUNS, log }
    if (wanted('cold')) await coldLoad(env, samples)
    if (wanted('signin')) await signInToRows(env, samples)
    if (wanted('page')) await pageChange(env, samples)
    if (wanted('rows500')) await render500(env, samples)
    if (wanted('typing')) await typingSearch(env, samples)
    if (wanted('drawer')) await drawerOpen(env, samples)
    if (wanted('export')) await exportCsv(env, samples)
    if (wanted('heap')) await heapAfterPaging(env, samples)
  } finally {
    await browser?.close()
    await stack?.stop()
  }
  // After the browser and servers are gone, so the server figures have both cores to themselves.
  if (wanted('server')) server = await runServerBench({ dbPath: DB_PATH, accounts: ACCOUNTS, log })

  const summaries = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, summarize(values)]))
  const loadAfter = loadavg()[0] ?? 0
  console.log(`\n${table(summaries, server)}`)
  // Two shared cores: anything else running skews the figures, so say how busy the machine was.
  console.log(`\nload average (1 min): ${loadBefore.toFixed(2)} at start, ${loadAfter.toFixed(2)} at end, ${cpus().length} CPUs`)
  const outDir = join(ROOT, 'bench-results')
  mkdirSync(outDir, { recursive: true })
  // A partial or slowed-down run gets its own file: bench.json (read by perf:report) stays the full, plain run.
  const variant = `${ONLY.size > 0 ? `-${[...ONLY].sort().join('-')}` : ''}${API_LATENCY_MS > 0 ? `-latency${API_LATENCY_MS}` : ''}`
  const file = join(outDir, `bench${variant}.json`)
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          node: process.version,
          chromium: chromiumVersion,
          loadAverage1m: { start: loadBefore, end: loadAfter },
        },
        accounts: ACCOUNTS,
        apiLatencyMs: API_LATENCY_MS,
        runsPerFigure: RUNS,
        figures: FIGURES.filter((f) => summaries[f.key]).map((f) => ({ ...f, ...summaries[f.key], samples: samples[f.key] })),
        server,
      },
      null,
      2,
    )}\n`,
  )
  console.log(`\nwritten: ${relative(process.cwd(), file)} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exit(1)
})
