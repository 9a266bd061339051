/*
 * `npm run perf:report`: writes the figures of the latest measurements into docs/performance.md,
 * between `<!-- bench:start -->` and `<!-- bench:end -->`. The docs once carried figures copied by
 * hand, and three copies of one figure drifted apart (114, 114.3, 114.4 kB); now the only copy is
 * generated from the JSON the measuring scripts write:
 *
 *   bench-results/bench.json   npm run bench          (browser figures, medians)
 *   bench-results/server.json  npm run bench:server   (GET /sip p50/p99; npm run bench also writes it)
 *   bench-results/load.json    npm run load           (autocannon)
 *   bench-results/bundle.json  npm run test:budget    (gzip JS per load; npm test writes it too)
 *
 * Each file is optional: a missing one keeps the section written last time, or, if there is none,
 * is named in the block with the command that makes it.
 * Every file is parsed with zod (they are outside data: old runs may have an older shape).
 * Usage: `tsx scripts/perf-report.ts [results-dir] [doc]`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as z from 'zod/mini'
import { ServerJsonSchema, type ServerJson } from './bench/server-json.ts'

export const START_MARKER = '<!-- bench:start -->'
export const END_MARKER = '<!-- bench:end -->'

const ROOT = join(import.meta.dirname, '..')

// JSON has no NaN: a figure with no samples was written as null.
const Num = z.nullable(z.number())

const BenchJsonSchema = z.looseObject({
  measuredAt: z.string(),
  machine: z.looseObject({
    cpus: z.number(),
    node: z.string(),
    chromium: z.optional(z.string()),
    loadAverage1m: z.optional(z.looseObject({ start: z.number(), end: z.number() })),
  }),
  accounts: z.number(),
  runsPerFigure: z.number(),
  figures: z.array(
    z.looseObject({
      key: z.string(),
      label: z.string(),
      unit: z.string(),
      target: z.optional(z.looseObject({ max: z.number(), text: z.string() })),
      median: Num,
      min: Num,
      max: Num,
    }),
  ),
  server: z.optional(z.nullable(z.looseObject({ raw: z.optional(z.unknown()) }))),
})

const LoadJsonSchema = z.looseObject({
  date: z.string(),
  accounts: z.number(),
  connections: z.number(),
  seconds: z.number(),
  cpus: z.optional(z.number()),
  node: z.optional(z.string()),
  loadAverage: z.optional(z.looseObject({ before: z.number(), after: z.number() })),
  requests: z.number(),
  throughputPerSecond: z.number(),
  latencyMs: z.looseObject({ p50: z.number(), p90: z.number(), p99: z.number(), max: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
})

const FileSchema = z.looseObject({ path: z.string(), gzipBytes: z.number() })
const LoadMeasurementSchema = z.looseObject({ gzipBytes: z.number(), files: z.array(FileSchema) })

const BundleJsonSchema = z.looseObject({
  measuredAt: z.string(),
  budgetKb: z.number(),
  goalKb: z.number(),
  signIn: LoadMeasurementSchema,
  listAfterReload: z.looseObject({ gzipBytes: z.number(), user: z.string(), files: z.array(FileSchema) }),
  afterFirstRowsByUser: z.optional(z.record(z.string(), LoadMeasurementSchema)),
  notLoaded: z.optional(z.array(FileSchema)),
  pass: z.boolean(),
})

type BenchJson = z.infer<typeof BenchJsonSchema>
type LoadJson = z.infer<typeof LoadJsonSchema>
type BundleJson = z.infer<typeof BundleJsonSchema>

interface BenchResults {
  bench?: BenchJson
  server?: ServerJson
  load?: LoadJson
  bundle?: BundleJson
}

function readJson<T>(dir: string, name: string, schema: z.ZodMiniType<T>): T | undefined {
  const file = join(dir, name)
  if (!existsSync(file)) return undefined
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`${file} does not have the shape perf-report expects:\n${z.prettifyError(parsed.error)}`)
  return parsed.data
}

/** Reads whichever of the four result files exist in `dir`. */
function readResults(dir: string): BenchResults {
  const bench = readJson(dir, 'bench.json', BenchJsonSchema)
  // `npm run bench` folds server.json into bench.json; use that copy if server.json itself is gone.
  const server =
    readJson(dir, 'server.json', ServerJsonSchema) ??
    (bench?.server?.raw === undefined ? undefined : ServerJsonSchema.parse(bench.server.raw))
  const load = readJson(dir, 'load.json', LoadJsonSchema)
  const bundle = readJson(dir, 'bundle.json', BundleJsonSchema)
  return { ...(bench && { bench }), ...(server && { server }), ...(load && { load }), ...(bundle && { bundle }) }
}

const cell = (text: string): string => text.replace(/\|/g, '\\|')
const day = (iso: string): string => iso.slice(0, 10)
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`
const thousands = (n: number): string => n.toLocaleString('en-US')

function value(n: number | null, unit: string): string {
  if (n === null) return '—'
  const digits = unit === 'MB' ? 2 : Number.isInteger(n) ? 0 : 1
  const rounded = n.toFixed(digits)
  return unit ? `${rounded} ${unit}` : rounded
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`
}

function benchSection(bench: BenchJson): string[] {
  const m = bench.machine
  const load = m.loadAverage1m ? `; load average ${m.loadAverage1m.start.toFixed(1)} → ${m.loadAverage1m.end.toFixed(1)}` : ''
  const lines = [
    '### Browser (`npm run bench` → `bench-results/bench.json`)',
    '',
    `Measured ${day(bench.measuredAt)} on ${thousands(bench.accounts)} accounts, median of ${bench.runsPerFigure} runs; ` +
      `${m.cpus} CPUs, Node ${m.node}${m.chromium ? `, Chromium ${m.chromium}` : ''}${load}.`,
    '',
    row(['figure', 'median', 'min', 'max', 'target']),
    row(['---', '---:', '---:', '---:', '---']),
  ]
  for (const f of bench.figures) {
    const label = f.label.trim()
    const verdict = f.target ? `${f.target.text} ${f.median !== null && f.median <= f.target.max ? '✓' : '✗'}` : ''
    // The bench marks a sub-figure with leading spaces; keep that visible in the table.
    const shown = f.label.startsWith(' ') ? `↳ ${label}` : label
    lines.push(row([shown, value(f.median, f.unit), value(f.min, f.unit), value(f.max, f.unit), verdict]))
  }
  return lines
}

function serverSection(server: ServerJson): string[] {
  const about = [
    `Measured ${day(server.date)} on ${thousands(server.accounts)} accounts, ${server.runsPerRow} requests per row after 20 warm-up`,
    server.cpus === undefined ? '' : `, ${server.cpus} CPUs`,
    server.node === undefined ? '' : `, Node ${server.node}`,
    server.indexBuildMs === undefined ? '' : `; search index built in ${thousands(server.indexBuildMs)} ms`,
    '.',
  ].join('')
  const lines = [
    '### Server (`npm run bench:server` → `bench-results/server.json`)',
    '',
    about,
    '',
    row(['scenario', 'via', 'scope (accounts)', 'total', 'p50', 'p99', 'max']),
    row(['---', '---', '---', '---:', '---:', '---:', '---:']),
  ]
  for (const r of server.rows) {
    lines.push(
      row([
        r.scenario,
        r.via,
        r.scope,
        thousands(r.total),
        `${r.p50.toFixed(2)} ms`,
        `${r.p99.toFixed(2)} ms`,
        r.max === undefined ? '—' : `${r.max.toFixed(2)} ms`,
      ]),
    )
  }
  if (server.filterWorst && server.target) {
    const w = server.filterWorst
    lines.push(
      '',
      `Filter queries (app.fetch): worst p50 ${w.p50} ms, worst p99 ${w.p99} ms; target p50 ≤ ${server.target.p50} ms, ` +
        `p99 ≤ ${server.target.p99} ms: ${w.met ? 'met ✓' : 'missed ✗'}.`,
    )
  }
  return lines
}

function loadSection(load: LoadJson): string[] {
  const la = load.loadAverage ? `; load average ${load.loadAverage.before} → ${load.loadAverage.after}` : ''
  return [
    '### Load (`npm run load` → `bench-results/load.json`)',
    '',
    `Measured ${day(load.date)} on ${thousands(load.accounts)} accounts, ${load.connections} connections for ${load.seconds} s` +
      `${load.cpus === undefined ? '' : `, ${load.cpus} CPUs`}${load.node === undefined ? '' : `, Node ${load.node}`}${la}.`,
    '',
    row(['requests', 'throughput', 'p50', 'p90', 'p99', 'max', 'non-2xx', 'errors', 'timeouts']),
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    row([
      thousands(load.requests),
      `${thousands(load.throughputPerSecond)} req/s`,
      `${load.latencyMs.p50} ms`,
      `${load.latencyMs.p90} ms`,
      `${load.latencyMs.p99} ms`,
      `${load.latencyMs.max} ms`,
      String(load.non2xx),
      String(load.errors),
      String(load.timeouts),
    ]),
  ]
}

function bundleSection(bundle: BundleJson): string[] {
  const files = (list: { path: string; gzipBytes: number }[]): string =>
    list.map((f) => `${f.path.replace(/^.*\//, '')} ${kb(f.gzipBytes)}`).join(', ') || '—'
  const sum = (list: { gzipBytes: number }[]): number => list.reduce((total, f) => total + f.gzipBytes, 0)
  const later = Object.values(bundle.afterFirstRowsByUser ?? {})[0]
  const lazy = bundle.notLoaded ?? []
  const b = bundle.listAfterReload.gzipBytes
  const lines = [
    '### Bundle (`npm run test:budget` → `bench-results/bundle.json`)',
    '',
    `Measured ${day(bundle.measuredAt)}; gzip (zlib default level), kB = 1000 bytes.`,
    '',
    row(['load', 'gzip JS', 'files']),
    row(['---', '---:', '---']),
    row(['(a) sign-in page, new visitor', kb(bundle.signIn.gzipBytes), files(bundle.signIn.files)]),
    row([`(b) list after reload (largest: ${bundle.listAfterReload.user})`, kb(b), files(bundle.listAfterReload.files)]),
  ]
  if (later) lines.push(row(['after the first rows, when idle (preloads)', kb(later.gzipBytes), files(later.files)]))
  if (lazy.length > 0) lines.push(row(['not loaded until used (lazy)', kb(sum(lazy)), files(lazy)]))
  lines.push(
    '',
    `(b) against the budget of ${bundle.budgetKb} kB: ${bundle.pass ? 'within ✓' : 'over ✗'}; ` +
      `against the goal of ${bundle.goalKb} kB: ${b <= bundle.goalKb * 1000 ? 'met ✓' : `missed ✗ (${kb(b - bundle.goalKb * 1000)} over)`}.`,
  )
  return lines
}

const KINDS = ['bench', 'server', 'load', 'bundle'] as const

const MISSING: Record<(typeof KINDS)[number], string> = {
  bench: '`bench-results/bench.json` not found: run `npm run bench && npm run perf:report`.',
  server: '`bench-results/server.json` not found: run `npm run bench:server && npm run perf:report`.',
  load: '`bench-results/load.json` not found: run `npm run load && npm run perf:report`.',
  bundle: '`bench-results/bundle.json` not found: run `npm run test:budget && npm run perf:report`.',
}

/** Each section's first line: its heading, or its "not found" line. */
const HEADINGS: Record<(typeof KINDS)[number], string> = {
  bench: '### Browser (',
  server: '### Server (',
  load: '### Load (',
  bundle: '### Bundle (',
}

/**
 * The sections of the block written last time, by kind: a measurement whose file is not here now
 * (bench-results/ is git-ignored, so a fresh checkout has none) keeps the figures it had.
 */
function previousSections(block: string): Partial<Record<(typeof KINDS)[number], string>> {
  const kindOf = (line: string) => KINDS.find((kind) => line.startsWith(HEADINGS[kind]) || line === MISSING[kind])
  const sections: Partial<Record<(typeof KINDS)[number], string>> = {}
  let current: (typeof KINDS)[number] | undefined
  let lines: string[] = []
  const close = () => {
    if (current) sections[current] = lines.join('\n').trim()
  }
  for (const line of block.split('\n')) {
    const kind = kindOf(line)
    if (kind) {
      close()
      current = kind
      lines = []
    }
    if (current) lines.push(line)
  }
  close()
  return sections
}

/** The Markdown that goes between the markers. */
function renderReport(results: BenchResults, previous: Partial<Record<(typeof KINDS)[number], string>>): string {
  const sections: string[][] = [
    ['_Generated by `npm run perf:report` from `bench-results/*.json`. Do not edit by hand: re-run the measurement, then the report._'],
  ]
  const kept = (kind: (typeof KINDS)[number]): string[] => [previous[kind] ?? MISSING[kind]]
  sections.push(results.bench ? benchSection(results.bench) : kept('bench'))
  sections.push(results.server ? serverSection(results.server) : kept('server'))
  sections.push(results.load ? loadSection(results.load) : kept('load'))
  sections.push(results.bundle ? bundleSection(results.bundle) : kept('bundle'))
  return sections.map((lines) => lines.join('\n')).join('\n\n')
}

/** Replaces what lies between the markers; everything outside them is kept as it is. */
function replaceBenchBlock(doc: string, block: string): string {
  const start = doc.indexOf(START_MARKER)
  const end = doc.indexOf(END_MARKER)
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`the document needs ${START_MARKER} followed by ${END_MARKER}`)
  }
  return `${doc.slice(0, start + START_MARKER.length)}\n${block}\n${doc.slice(end)}`
}

/** Reads the results, rewrites the block in `docPath`; returns the files that were found. */
export function writeReport(resultsDir: string, docPath: string): (typeof KINDS)[number][] {
  const results = readResults(resultsDir)
  const doc = readFileSync(docPath, 'utf8')
  const start = doc.indexOf(START_MARKER)
  const end = doc.indexOf(END_MARKER)
  const previous = start !== -1 && end > start ? previousSections(doc.slice(start + START_MARKER.length, end)) : {}
  writeFileSync(docPath, replaceBenchBlock(doc, renderReport(results, previous)))
  return KINDS.filter((key) => results[key] !== undefined)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const resultsDir = process.argv[2] ?? join(ROOT, 'bench-results')
  const docPath = process.argv[3] ?? join(ROOT, 'docs/performance.md')
  try {
    const found = writeReport(resultsDir, docPath)
    console.log(
      `${relative(process.cwd(), docPath)}: figures from ${found.length > 0 ? found.map((k) => `${k}.json`).join(', ') : 'no result files'} in ${relative(process.cwd(), resultsDir) || '.'}`,
    )
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}
