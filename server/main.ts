import { createApp } from './app.ts'
import { clientIpFor } from './auth/client-ip.ts'
import { demoSignInLines } from './banner.ts'
import { ConfigError, readServerConfig, type ServerConfig } from './config.ts'
import { DatabaseRefusedError, openDatabase } from './database.ts'
import { searchIndexFor } from './search-index.ts'
import { startServer } from './serve.ts'
import { startStatusSimulator } from './status-simulator.ts'

// Only wiring: configuration, database, search index, listen, shut down. Behaviour lives in app.ts.
let config: ServerConfig
let db: ReturnType<typeof openDatabase>
try {
  config = readServerConfig(process.argv.slice(2), process.env)
  db = openDatabase({ path: config.dbPath, reset: config.reset, accounts: config.accounts, log: (m) => console.log(m) })
} catch (error) {
  // A wrong flag or a database we must not touch is the user's to fix: one line, no stack trace.
  if (!(error instanceof ConfigError || error instanceof DatabaseRefusedError)) throw error
  console.error(error.message)
  process.exit(1)
}

// Built before listening: a request must never wait behind the build (seconds at 100,000
// accounts), so the server only accepts connections, and says it is ready, once it is done.
const indexStarted = performance.now()
const index = searchIndexFor(db)
console.log(
  `Search index of ${index.size.toLocaleString('en-US')} SIP accounts built in ${Math.round(performance.now() - indexStarted)} ms.`,
)

const app = createApp(db, { latencyMs: config.latencyMs, clientIp: clientIpFor(config) })
const simulator = config.simulateStatus ? startStatusSimulator(db) : undefined
const running = await startServer(app, { port: config.port })
if (config.logRequests)
  running.server.on('request', (request) => console.log(`${request.method ?? '?'} ${(request.url ?? '').split('?')[0] ?? ''}`))

console.log(
  `Telecom X reference API on ${running.url} (database ${config.dbPath}${config.trustProxy ? ', client address from X-Forwarded-For (--trust-proxy)' : ''})`,
)
console.log('Demo sign-ins:')
for (const line of demoSignInLines()) console.log(line)

let stopping = false
const shutdown = async (signal: string): Promise<void> => {
  if (stopping) return
  stopping = true
  console.log(`${signal}: finishing in-flight requests…`)
  simulator?.stop()
  await running.close()
  db.close()
  console.log('Reference API stopped.')
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
