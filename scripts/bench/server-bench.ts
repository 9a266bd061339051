/*
 * Reference server latency for `npm run bench`: the foundation's own benchmark
 * (`scripts/bench-server.ts`, also `npm run bench:server`) is run on the same 100k database once
 * the browser figures are done (so the two never compete for the two cores), and its
 * bench-results/server.json is folded into bench.json and the table.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runToCompletion } from '../../test/e2e/harness/processes.ts'
import { ROOT } from '../../test/e2e/harness/stack.ts'
import { ServerJsonSchema } from './server-json.ts'

export interface ServerBenchRow {
  label: string
  p50Ms: number
  p99Ms: number
  requests: number
}

export interface ServerBenchResult {
  method: string
  rows: ServerBenchRow[]
  filterWorst?: { p50: number; p99: number; met: boolean }
  raw: unknown
}

export interface ServerBenchOptions {
  dbPath: string
  accounts: number
  log: (line: string) => void
}

export const SERVER_BENCH_SCRIPT = join(ROOT, 'scripts/bench-server.ts')

export async function runServerBench(options: ServerBenchOptions): Promise<ServerBenchResult | null> {
  if (!existsSync(SERVER_BENCH_SCRIPT)) {
    options.log('bench: scripts/bench-server.ts is missing; no server figures')
    return null
  }
  options.log('bench: server figures via scripts/bench-server.ts (npm run bench:server) on the same database')
  await runToCompletion('bench:server', process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), SERVER_BENCH_SCRIPT], {
    cwd: ROOT,
    // Its own request count (400 per row), not ours (runs per browser figure).
    env: { BENCH_DB: options.dbPath, BENCH_ACCOUNTS: String(options.accounts), BENCH_RUNS: undefined },
    echo: true,
  })
  const raw: unknown = JSON.parse(readFileSync(join(ROOT, 'bench-results/server.json'), 'utf8'))
  const parsed = ServerJsonSchema.parse(raw)
  return {
    method: `scripts/bench-server.ts: ${parsed.runsPerRow} sequential requests per row after 20 warm-up, filters rotating; via app.fetch (server cost incl. body) and over loopback HTTP`,
    rows: parsed.rows.map((row) => ({
      label: `${row.scenario} [${row.via}, ${row.scope}]`,
      p50Ms: row.p50,
      p99Ms: row.p99,
      requests: parsed.runsPerRow,
    })),
    ...(parsed.filterWorst ? { filterWorst: parsed.filterWorst } : {}),
    raw,
  }
}
