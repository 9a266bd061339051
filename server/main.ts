import { createApp } from './app.ts'
import { demoSignInLines } from './banner.ts'
import { readServerConfig } from './config.ts'
import { openDatabase } from './database.ts'
import { startServer } from './serve.ts'
import { startStatusSimulator } from './status-simulator.ts'

// Only wiring: configuration, database, listen, shut down. Behaviour lives in app.ts.
const config = readServerConfig(process.argv.slice(2), process.env)
const db = openDatabase({ path: config.dbPath, reset: config.reset, accounts: config.accounts, log: (m) => console.log(m) })
const app = createApp(db, { latencyMs: config.latencyMs })
const simulator = config.simulateStatus ? startStatusSimulator(db) : undefined
const running = await startServer(app, { port: config.port })

console.log(`Telecom X reference API on ${running.url} (database ${config.dbPath})`)
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
