/*
 * The system under test: the production build (`vite build` into a temporary folder, so other
 * people's `dist/` is never touched), `vite preview` serving it, and the reference API server on
 * a freshly seeded temporary SQLite database. Both listen on free ports on 127.0.0.1; preview
 * proxies /api to the server exactly as in production-like use.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, runToCompletion, startProcess, waitForHttp, type ManagedProcess } from './processes.ts'

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js')
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs')

/** Environment for children: no inherited API target, so preview proxies to *our* server. */
function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete env.TELECOMX_API_URL
  return env
}

export async function buildApp(outDir: string, { echo = false } = {}): Promise<void> {
  await runToCompletion('vite build', process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: childEnv({ NODE_ENV: 'production' }),
    echo,
  })
}

export interface ApiServerOptions {
  /** Number of SIP accounts to seed (TELECOMX_ACCOUNTS). */
  accounts?: number
  /** SQLite file; a fresh one in a temporary folder by default. */
  dbPath?: string
  /** Re-seed even if the file exists (TELECOMX_RESET=1). Default true for temporary files. */
  reset?: boolean
  env?: NodeJS.ProcessEnv
  /** How long seeding may take before we give up. */
  startTimeoutMs?: number
  /** Called as soon as the process exists, so a caller can stop it even if start-up fails. */
  track?: (managed: ManagedProcess) => void
}

export interface RunningServer {
  url: string
  port: number
  process: ManagedProcess
}

export async function startApiServer(options: ApiServerOptions & { dbPath: string }): Promise<RunningServer> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    API_PORT: String(port),
    DB_PATH: options.dbPath,
    ...(options.accounts === undefined ? {} : { TELECOMX_ACCOUNTS: String(options.accounts) }),
    ...(options.reset === false ? {} : { TELECOMX_RESET: '1' }),
    // Tests and benchmarks want a still world: no status flipping, no artificial latency.
    TELECOMX_SIMULATE: '0',
    API_LATENCY_MS: '0',
    ...options.env,
  }
  const server = startProcess('reference API server', process.execPath, [TSX, join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: childEnv(env),
  })
  options.track?.(server)
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/auth/validateToken`, server, options.startTimeoutMs ?? 120_000)
  return { url, port, process: server }
}

export async function startPreview(
  outDir: string,
  apiPort: number,
  track?: (managed: ManagedProcess) => void,
): Promise<{ url: string; process: ManagedProcess }> {
  const port = await freePort()
  const preview = startProcess(
    'vite preview',
    process.execPath,
    [VITE, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, env: childEnv({ API_PORT: String(apiPort) }) },
  )
  track?.(preview)
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/`, preview)
  return { url, process: preview }
}

export interface Stack {
  appUrl: string
  apiUrl: string
  distDir: string
  dbPath: string
  stop(): Promise<void>
}

export interface StackOptions extends ApiServerOptions {
  /** Reuse an existing build instead of building (the folder must hold a fresh `vite build`). */
  distDir?: string
  echoBuild?: boolean
}

/**
 * Builds (unless given a dist), seeds and starts everything. On any failure whatever was
 * already started is stopped before the error propagates.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const workDir = mkdtempSync(join(tmpdir(), 'telecomx-e2e-'))
  const distDir = options.distDir ?? join(workDir, 'dist')
  const dbPath = options.dbPath ?? join(workDir, 'telecomx.sqlite')
  const started: ManagedProcess[] = []
  const track = (managed: ManagedProcess): void => void started.push(managed)
  const stop = async (): Promise<void> => {
    await Promise.all(started.map((managed) => managed.stop()))
    rmSync(workDir, { recursive: true, force: true })
  }
  try {
    const buildDone = options.distDir ? Promise.resolve() : buildApp(distDir, { echo: options.echoBuild ?? false })
    // Seeding and building are independent: do them side by side.
    const [, server] = await Promise.all([buildDone, startApiServer({ ...options, dbPath, track })])
    const preview = await startPreview(distDir, server.port, track)
    return { appUrl: preview.url, apiUrl: server.url, distDir, dbPath, stop }
  } catch (error) {
    // Everything spawned so far is tracked, even a server still seeding when the build failed.
    await stop()
    throw error
  }
}
