import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { END_MARKER, START_MARKER, writeReport } from '../../scripts/perf-report.ts'

// docs/performance.md carries no hand-copied figure: these pin that the block is generated from the JSON.

let dir = ''
let results = ''
let doc = ''

const benchJson = (coldLoadMs: number) => ({
  measuredAt: '2026-11-30T12:00:00.000Z',
  machine: { cpus: 2, node: 'v20.20.2', chromium: '140.0', loadAverage1m: { start: 1.2, end: 2.4 } },
  accounts: 100000,
  runsPerFigure: 7,
  figures: [
    {
      key: 'coldLoad.firstRowsMs',
      label: 'cold load → first rows',
      unit: 'ms',
      target: { max: 400, text: '≤ 400 ms' },
      runs: 7,
      median: coldLoadMs,
      min: 150,
      max: 700,
      samples: [],
    },
    {
      key: 'coldLoad.domContentLoadedMs',
      label: '  of which: DOMContentLoaded',
      unit: 'ms',
      runs: 0,
      median: null,
      min: null,
      max: null,
      samples: [],
    },
  ],
  server: null,
})

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'perf-report-'))
  results = join(dir, 'bench-results')
  mkdirSync(results)
  doc = join(dir, 'performance.md')
  writeFileSync(doc, `# Performance\n\nHand-written text.\n\n${START_MARKER}\nold table\n${END_MARKER}\n\nMore text.\n`)
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

test('the block between the markers is the figures of bench.json, and text outside it is kept', () => {
  writeFileSync(join(results, 'bench.json'), JSON.stringify(benchJson(158)))
  expect(writeReport(results, doc)).toEqual(['bench'])
  const text = readFileSync(doc, 'utf8')
  expect(text).toContain('| cold load → first rows | 158 ms | 150 ms | 700 ms | ≤ 400 ms ✓ |')
  expect(text).toContain('| ↳ of which: DOMContentLoaded | — | — | — |  |')
  expect(text).toContain('Measured 2026-11-30 on 100,000 accounts, median of 7 runs; 2 CPUs')
  expect(text).not.toContain('old table')
  expect(text.startsWith('# Performance\n\nHand-written text.\n\n')).toBe(true)
  expect(text.endsWith(`${END_MARKER}\n\nMore text.\n`)).toBe(true)
})

test('a new measurement replaces the old figures instead of adding to them, and a missed target says so', () => {
  writeFileSync(join(results, 'bench.json'), JSON.stringify(benchJson(158)))
  writeReport(results, doc)
  writeFileSync(join(results, 'bench.json'), JSON.stringify(benchJson(512)))
  writeReport(results, doc)
  const text = readFileSync(doc, 'utf8')
  expect(text).toContain('| cold load → first rows | 512 ms | 150 ms | 700 ms | ≤ 400 ms ✗ |')
  expect(text).not.toContain('158 ms')
  expect(text.split(START_MARKER)).toHaveLength(2)
})

test('server, load and bundle figures come from their own files', () => {
  writeFileSync(
    join(results, 'server.json'),
    JSON.stringify({
      date: '2026-11-29T00:00:00.000Z',
      accounts: 100000,
      runsPerRow: 400,
      cpus: 2,
      node: 'v20',
      indexBuildMs: 2500,
      target: { p50: 5, p99: 20 },
      filterWorst: { p50: 7.5, p99: 9.8, met: false },
      rows: [
        {
          scenario: 'no filter',
          via: 'app.fetch',
          scope: 'reseller subtree (58,169)',
          runs: 400,
          total: 58169,
          p50: 0.6,
          p99: 2.5,
          max: 4,
        },
      ],
    }),
  )
  writeFileSync(
    join(results, 'load.json'),
    JSON.stringify({
      date: '2026-11-29T00:00:00.000Z',
      accounts: 100000,
      connections: 200,
      seconds: 20,
      cpus: 2,
      node: 'v20',
      loadAverage: { before: 1.9, after: 2.1 },
      requests: 13291,
      throughputPerSecond: 665,
      latencyMs: { p50: 285, p90: 377, p99: 563, max: 765 },
      ok2xx: 13291,
      non2xx: 0,
      errors: 0,
      timeouts: 0,
    }),
  )
  const file = (path: string, gzipBytes: number) => ({ path, bytes: gzipBytes * 3, gzipBytes })
  writeFileSync(
    join(results, 'bundle.json'),
    JSON.stringify({
      measuredAt: '2026-11-29T00:00:00.000Z',
      method: '',
      budgetKb: 130,
      goalKb: 110,
      signIn: { gzipBytes: 115_700, bytes: 0, files: [file('/assets/index.js', 114_400), file('/assets/sign-in.js', 1_300)] },
      listAfterReload: { user: 'ADMIN', gzipBytes: 114_400, bytes: 0, files: [file('/assets/index.js', 114_400)] },
      listByUser: {},
      afterFirstRowsByUser: { ADMIN: { gzipBytes: 4_500, bytes: 0, files: [file('/assets/drawer.js', 4_500)] } },
      notLoaded: [file('/assets/export.js', 2_000), file('/assets/chooser.js', 1_100)],
      pass: true,
    }),
  )
  expect(writeReport(results, doc)).toEqual(['server', 'load', 'bundle'])
  const text = readFileSync(doc, 'utf8')
  expect(text).toContain('`bench-results/bench.json` not found: run `npm run bench && npm run perf:report`.')
  expect(text).toContain('| no filter | app.fetch | reseller subtree (58,169) | 58,169 | 0.60 ms | 2.50 ms | 4.00 ms |')
  expect(text).toContain('worst p50 7.5 ms, worst p99 9.8 ms; target p50 ≤ 5 ms, p99 ≤ 20 ms: missed ✗')
  expect(text).toContain('| 13,291 | 665 req/s | 285 ms | 377 ms | 563 ms | 765 ms | 0 | 0 | 0 |')
  expect(text).toContain('| (b) list after reload (largest: ADMIN) | 114.4 kB | index.js 114.4 kB |')
  expect(text).toContain('| not loaded until used (lazy) | 3.1 kB | export.js 2.0 kB, chooser.js 1.1 kB |')
  expect(text).toContain('against the goal of 110 kB: missed ✗ (4.4 kB over)')
})

test('a result file of the wrong shape is refused, not half-reported', () => {
  writeFileSync(join(results, 'bench.json'), JSON.stringify({ measuredAt: 'today', figures: 'none' }))
  expect(() => writeReport(results, doc)).toThrow(/bench\.json does not have the shape/)
  expect(readFileSync(doc, 'utf8')).toContain('old table')
})

test('a document without the markers is refused', () => {
  writeFileSync(doc, '# Performance\n')
  expect(() => writeReport(results, doc)).toThrow(/needs <!-- bench:start -->/)
})

test('a measurement whose file is missing keeps the figures written last time; with none, it names the command', () => {
  writeFileSync(join(results, 'bench.json'), JSON.stringify(benchJson(158)))
  writeReport(results, doc)
  // A fresh checkout: bench-results/ holds only what was measured since (here nothing of the browser's).
  rmSync(join(results, 'bench.json'))
  expect(writeReport(results, doc)).toEqual([])
  const text = readFileSync(doc, 'utf8')
  expect(text).toContain('| cold load → first rows | 158 ms | 150 ms | 700 ms | ≤ 400 ms ✓ |')
  expect(text).toContain('`bench-results/load.json` not found')
  expect(text.split('### Browser (')).toHaveLength(2)
})
