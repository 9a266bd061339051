import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createServer as createViteServer, type ViteDevServer } from 'vite'
import { createApp } from '../server/app.ts'
import { clientIpFor } from '../server/auth/client-ip.ts'
import { demoSignInLines } from '../server/banner.ts'
import { readServerConfig } from '../server/config.ts'
import { openDatabase } from '../server/database.ts'
import { searchIndexFor } from '../server/search-index.ts'
import { startServer, type RunningServer } from '../server/serve.ts'
import { startStatusSimulator } from '../server/status-simulator.ts'

/*
 * `npm start`: the reference API (in this process, seeded on first run, status simulator on)
 * and the Vite dev server, whose /api proxy points at it. One terminal; Ctrl-C stops both.
 * Flags and env are the server's (--reset, --accounts N, API_PORT, DB_PATH, API_LATENCY_MS, …).
 * With TELECOMX_API_URL set, only Vite starts and proxies to that API instead.
 */

const ROOT = join(import.meta.dirname, '..')
process.chdir(ROOT)

// Every browser reaches the API through Vite's proxy (xfwd: true in vite.config.ts), so the
// login throttle counts each user by the proxy's X-Forwarded-For hop, not all of them as one.
const config = readServerConfig(process.argv.slice(2), process.env, { simulateStatus: true, trustProxy: true })
const external = process.env.TELECOMX_API_URL

let running: RunningServer | undefined
let stopSimulator: (() => void) | undefined
let closeDb: (() => void) | undefined
let vite: ViteDevServer | undefined

try {
  if (!external) {
    const db = openDatabase({ path: config.dbPath, reset: config.reset, accounts: config.accounts, log: (m) => console.log(m) })
    closeDb = () => db.close()
    // Before listening, as server/main.ts does: no request may queue behind the build.
    const index = searchIndexFor(db)
    console.log(`Search index of ${index.size.toLocaleString('en-US')} SIP accounts ready.`)
    running = await startServer(createApp(db, { latencyMs: config.latencyMs, clientIp: clientIpFor(config) }), { port: config.port })
    stopSimulator = config.simulateStatus ? startStatusSimulator(db).stop : undefined
    // vite.config.ts reads API_PORT for its proxy target: hand it the port actually bound.
    process.env.API_PORT = String(running.port)
  }
  if (!existsSync(join(ROOT, 'index.html'))) console.warn('Note: index.html does not exist yet; the dev server will answer 404 at /.')
  vite = await createViteServer({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT })
  await vite.listen()
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`npm start failed: ${message}`)
  if (/EADDRINUSE/.test(message)) console.error(`Port busy: set API_PORT (now ${config.port}) or stop the other server.`)
  await vite?.close()
  await running?.close()
  closeDb?.()
  process.exit(1)
}

const dashboard = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/'
console.log('')
console.log(`  Dashboard:      ${dashboard}`)
console.log(
  external
    ? `  API:            ${external} (TELECOMX_API_URL)`
    : `  Reference API:  ${running?.url ?? ''} (database ${config.dbPath}${config.simulateStatus ? ', status simulator on' : ''})`,
)
if (!external) {
  console.log('')
  console.log('  Demo sign-ins (one per access level):')
  for (const line of demoSignInLines()) console.log(line)
}
console.log('')
console.log('  Ctrl-C stops everything.')

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  console.log(`\n${signal}: stopping the dev server and the reference API…`)
  stopSimulator?.()
  await vite?.close()
  await running?.close()
  closeDb?.()
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
