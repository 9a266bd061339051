import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { afterAll, describe, expect, test } from 'vitest'
import * as z from 'zod/mini'
import { CONNECTION_TYPES } from '../src/api/sip-account.ts'
import { createMemoryDatabase, openDatabase, readSeedMarker } from './database.ts'
import { DEMO_USER_LIST } from './demo-users.ts'
import { TEST_SCRYPT } from './passwords.ts'
import { createSchema } from './schema.ts'

const dir = mkdtempSync(join(tmpdir(), 'telecomx-db-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function dump(db: Database): string {
  const customers = db.prepare('SELECT * FROM customers ORDER BY id').all()
  const accounts = db.prepare('SELECT id, customer, sort_key, status, pbx, full_json, usage, search_pub, search_notes FROM sip_accounts ORDER BY rowid').all()
  return JSON.stringify({ customers, accounts })
}

const FullSchema = z.looseObject({
  name: z.string(),
  numbers: z.array(z.string()),
  pbx: z.number(),
  connection: z.optional(z.string()),
  ipAddress: z.optional(z.string()),
  failover: z.optional(z.string()),
  usageBlock: z.boolean(),
  notes: z.optional(z.string()),
  custom: z.optional(z.record(z.string(), z.unknown())),
})

describe('seed', () => {
  test('is deterministic: same seed, same data; another seed, other data', () => {
    const a = createMemoryDatabase({ accounts: 400, scrypt: TEST_SCRYPT })
    const b = createMemoryDatabase({ accounts: 400, scrypt: TEST_SCRYPT })
    const c = createMemoryDatabase({ accounts: 400, seed: 99, scrypt: TEST_SCRYPT })
    expect(dump(a)).toBe(dump(b))
    expect(dump(a)).not.toBe(dump(c))
  })

  test('the default size looks real: ~2,000 accounts, ~60 customers, every kind of account', () => {
    const db = createMemoryDatabase({ scrypt: TEST_SCRYPT })
    expect(db.prepare('SELECT count(*) AS n FROM sip_accounts').get()).toEqual({ n: 2000 })
    const customers = z.object({ n: z.number() }).parse(db.prepare('SELECT count(*) AS n FROM customers').get()).n
    expect(customers).toBeGreaterThan(50)
    expect(customers).toBeLessThan(70)
    expect(db.prepare('SELECT count(*) AS n FROM customers WHERE is_reseller = 1').get()).toEqual({ n: 3 })

    const accounts = db.prepare('SELECT full_json FROM sip_accounts').all().map((row) => FullSchema.parse(JSON.parse(z.object({ full_json: z.string() }).parse(row).full_json)))
    const numbers = accounts.flatMap((a) => a.numbers)
    expect(numbers.every((n) => /^\+45\d{8}$/.test(n))).toBe(true)
    expect(numbers).toContain('+4580808080')
    expect(accounts.some((a) => a.numbers.length >= 3)).toBe(true)
    expect(accounts.some((a) => a.ipAddress?.startsWith('77.66.100.'))).toBe(true)
    expect(accounts.every((a) => a.ipAddress === undefined || /^\d+\.\d+\.\d+\.\d+$/.test(a.ipAddress))).toBe(true)
    expect(new Set(accounts.map((a) => a.connection).filter(Boolean))).toEqual(new Set(CONNECTION_TYPES))
    expect(accounts.filter((a) => a.pbx > 0).length).toBeGreaterThan(50)
    expect(accounts.some((a) => a.usageBlock)).toBe(true)
    expect(accounts.filter((a) => a.failover).length).toBeGreaterThan(100)
    expect(accounts.filter((a) => a.notes).length).toBeGreaterThan(100)
    expect(accounts.some((a) => a.custom)).toBe(true)
    expect(accounts.some((a) => /[æøåÆØÅ]/.test(a.name))).toBe(true)
    expect(accounts.some((a) => a.name.includes('<img'))).toBe(true)
    expect(Math.max(...accounts.map((a) => a.name.length))).toBe(10_000)
    expect(db.prepare("SELECT count(*) AS n FROM sip_accounts WHERE status = 'OFF'").get()).not.toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM employees').get()).toEqual({ n: DEMO_USER_LIST.length })
  })

  test('passwords are stored as scrypt hashes, never in clear', () => {
    const db = createMemoryDatabase({ accounts: 100, scrypt: TEST_SCRYPT })
    const hashes = db.prepare('SELECT password_hash FROM employees').all().map((row) => z.object({ password_hash: z.string() }).parse(row).password_hash)
    expect(hashes.every((h) => h.startsWith('scrypt$'))).toBe(true)
    expect(new Set(hashes).size).toBe(hashes.length)
    expect(JSON.stringify(hashes)).not.toContain('telecomx-demo')
  })
})

describe('openDatabase', () => {
  test('seeds on first open, reuses a complete file, re-seeds on reset or another size', () => {
    const path = join(dir, 'reuse.sqlite')
    const log: string[] = []
    const first = openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT, log: (m) => log.push(m) })
    expect(readSeedMarker(first)).toMatchObject({ accounts: 150 })
    first.prepare("UPDATE customers SET name = 'touched' WHERE rowid = 1").run()
    first.close()

    const again = openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT })
    expect(again.prepare('SELECT name FROM customers WHERE rowid = 1').get()).toEqual({ name: 'touched' })
    again.close()

    const reset = openDatabase({ path, accounts: 150, reset: true, scrypt: TEST_SCRYPT })
    expect(reset.prepare('SELECT name FROM customers WHERE rowid = 1').get()).not.toEqual({ name: 'touched' })
    reset.close()

    const bigger = openDatabase({ path, accounts: 300, scrypt: TEST_SCRYPT })
    expect(bigger.prepare('SELECT count(*) AS n FROM sip_accounts').get()).toEqual({ n: 300 })
    bigger.close()
    expect(readdirSync(dir).filter((f) => f.includes('.seeding-'))).toEqual([])
  })

  test('a half-seeded file (no completion marker) is never trusted: it is re-seeded', () => {
    const path = join(dir, 'half.sqlite')
    const half = new BetterSqlite3(path)
    createSchema(half)
    half.prepare("INSERT INTO customers (id, name, sort_key, parent_reseller, is_reseller, features) VALUES ('x', 'Half', 'half', NULL, 0, '[]')").run()
    half.close()
    const db = openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT })
    expect(readSeedMarker(db)).not.toBeNull()
    expect(db.prepare("SELECT count(*) AS n FROM customers WHERE id = 'x'").get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM sip_accounts').get()).toEqual({ n: 150 })
    db.close()
  })

  test('a file that is not a database at all is replaced', () => {
    const path = join(dir, 'garbage.sqlite')
    writeFileSync(path, 'this is not sqlite '.repeat(100))
    const db = openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT })
    expect(readSeedMarker(db)).not.toBeNull()
    db.close()
  })

  test('a seed killed midway leaves no file under the real name; the next open seeds afresh', async () => {
    const path = join(dir, 'killed.sqlite')
    const script = `
      import { openDatabase } from ${JSON.stringify(join(import.meta.dirname, 'database.ts'))}
      openDatabase({ path: ${JSON.stringify(path)}, accounts: 200000, log: (m) => console.log(m) })
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Seeding')) resolve()
    }))
    await new Promise((resolve) => setTimeout(resolve, 300))
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    expect(existsSync(path)).toBe(false)
    expect(readdirSync(dir).some((f) => f.startsWith('killed.sqlite.seeding-'))).toBe(true)

    const db = openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT })
    expect(readSeedMarker(db)).toMatchObject({ accounts: 150 })
    db.close()
    expect(readdirSync(dir).some((f) => f.startsWith('killed.sqlite.seeding-'))).toBe(false)
  }, 20_000)
})
