import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { afterAll, describe, expect, test } from 'vitest'
import * as z from 'zod/mini'
import { CONNECTION_TYPES } from '../src/api/sip-account.ts'
import { createMemoryDatabase, DatabaseRefusedError, openDatabase, readSeedMarker } from './database.ts'
import { DEMO_USER_LIST } from './demo-users.ts'
import { TEST_SCRYPT } from './passwords.ts'
import { APPLICATION_ID, createSchema } from './schema.ts'

const dir = mkdtempSync(join(tmpdir(), 'telecomx-db-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const bytes = (path: string): string => readFileSync(path).toString('base64')

function dump(db: Database): string {
  const customers = db.prepare('SELECT * FROM customers ORDER BY id').all()
  const accounts = db
    .prepare('SELECT id, customer, sort_key, status, pbx, full_json, usage, search_pub, search_notes FROM sip_accounts ORDER BY rowid')
    .all()
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

    const accounts = db
      .prepare('SELECT full_json FROM sip_accounts')
      .all()
      .map((row) => FullSchema.parse(JSON.parse(z.object({ full_json: z.string() }).parse(row).full_json)))
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
    const hashes = db
      .prepare('SELECT password_hash FROM employees')
      .all()
      .map((row) => z.object({ password_hash: z.string() }).parse(row).password_hash)
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

  test('a half-seeded file of ours (no completion marker) is never trusted: it is re-seeded', () => {
    const path = join(dir, 'half.sqlite')
    const half = new BetterSqlite3(path)
    half.pragma(`application_id = ${APPLICATION_ID}`)
    createSchema(half)
    half
      .prepare(
        "INSERT INTO customers (id, name, sort_key, parent_reseller, is_reseller, features) VALUES ('x', 'Half', 'half', NULL, 0, '[]')",
      )
      .run()
    half.close()
    const db = openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT })
    expect(readSeedMarker(db)).not.toBeNull()
    expect(db.prepare("SELECT count(*) AS n FROM customers WHERE id = 'x'").get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM sip_accounts').get()).toEqual({ n: 150 })
    db.close()
  })

  test('a file seeded before the ownership marker existed is still ours: reused, and marked', () => {
    const path = join(dir, 'legacy.sqlite')
    const old = openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT })
    old.pragma('application_id = 0')
    old.prepare("DELETE FROM meta WHERE key = 'app'").run()
    old.prepare("UPDATE customers SET name = 'kept' WHERE rowid = 1").run()
    old.close()
    const db = openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT })
    expect(db.prepare('SELECT name FROM customers WHERE rowid = 1').get()).toEqual({ name: 'kept' })
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    db.close()
  })

  test('a seed killed midway leaves no file under the real name; the next open seeds afresh', async () => {
    const path = join(dir, 'killed.sqlite')
    const script = `
      import { openDatabase } from ${JSON.stringify(join(import.meta.dirname, 'database.ts'))}
      openDatabase({ path: ${JSON.stringify(path)}, accounts: 200000, log: (m) => console.log(m) })
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    // "Seeding" is printed once the temporary file exists (database.ts); a seed of 200,000
    // accounts then runs for seconds, so killing on that line kills it midway.
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Seeding')) resolve()
      }),
    )
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

describe('files that are not ours, and paths the server may not write', () => {
  const siblings = (folder: string): string[] => readdirSync(folder).sort()

  test('a text file is refused with one line naming it, and left exactly as it was', () => {
    const folder = mkdtempSync(join(dir, 'text-'))
    const path = join(folder, 'notes.txt')
    writeFileSync(path, 'my shopping list\n'.repeat(20))
    const before = bytes(path)
    for (const reset of [false, true]) {
      expect(() => openDatabase({ path, accounts: 150, reset, scrypt: TEST_SCRYPT })).toThrow(DatabaseRefusedError)
      expect(() => openDatabase({ path, accounts: 150, reset, scrypt: TEST_SCRYPT })).toThrow(
        `Database ${path} is not a SQLite database; refusing`,
      )
    }
    expect(bytes(path)).toBe(before)
    expect(siblings(folder)).toEqual(['notes.txt'])
    // An empty file was not created by this server either.
    writeFileSync(path, '')
    expect(() => openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT })).toThrow(/is an empty file this server did not create/)
  })

  test('another application’s SQLite database is refused (with or without --reset) and left exactly as it was', () => {
    const folder = mkdtempSync(join(dir, 'foreign-'))
    for (const [name, applicationId] of [
      ['plain.sqlite', 0],
      ['branded.sqlite', 0x4d594150],
    ] as const) {
      const path = join(folder, name)
      const other = new BetterSqlite3(path)
      other.pragma(`application_id = ${applicationId}`)
      // Even a table called meta, as ours is, does not make it ours.
      other.exec(
        "CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('seed', 'theirs'); CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5), (99)",
      )
      other.close()
      const before = bytes(path)
      for (const reset of [false, true]) {
        expect(() => openDatabase({ path, accounts: 150, reset, scrypt: TEST_SCRYPT })).toThrow(
          applicationId === 0
            ? `Database ${path} is a SQLite database this server did not create`
            : `Database ${path} is the SQLite database of another application (application_id 0x4d594150)`,
        )
      }
      expect(bytes(path)).toBe(before)
    }
    expect(siblings(folder)).toEqual(['branded.sqlite', 'plain.sqlite'])
  })

  test('a read-only mount (EROFS, which even root cannot write) is refused before anything is touched', () => {
    // Root passes every permission check except a read-only file system, which this container
    // cannot mount; the check is the same fs.accessSync call, given the answer such a mount gives.
    const folder = mkdtempSync(join(dir, 'erofs-'))
    const path = join(folder, 'good.sqlite')
    openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT }).close()
    const before = bytes(path)
    const readOnlyMount = (): void => {
      throw Object.assign(new Error('read-only file system'), { code: 'EROFS' })
    }
    expect(() => openDatabase({ path, accounts: 150, reset: true, access: readOnlyMount })).toThrow(
      `Database directory ${folder} is not writable (EROFS)`,
    )
    expect(bytes(path)).toBe(before)
  })
})

describe('npm run server against a database it must not use: one line, exit 1, file untouched', () => {
  // Tests run as root, for whom chmod does not stop writes; the server is then started as
  // "nobody", so the read-only cases are real permission errors, not simulated ones. "nobody" must
  // be able to reach this checkout for that: a clone inside a root-only folder (`mktemp -d`, as the
  // fresh-clone check makes) cannot be, and there the two read-only cases cannot be made real as
  // root, so they are skipped; the read-only code paths stay covered above (EROFS, injected check).
  const mainTs = join(import.meta.dirname, 'main.ts')
  const isRoot = process.getuid?.() === 0
  const nobody = { uid: 65534, gid: 65534 }
  const nobodyReachesCheckout =
    isRoot && spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(mainTs)}, 4)`], nobody).status === 0
  const unprivileged = nobodyReachesCheckout ? nobody : undefined
  const readOnlyIsReal = !isRoot || nobodyReachesCheckout

  async function startServerOn(dbPath: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', mainTs], {
      env: { ...process.env, HOME: cwd, DB_PATH: dbPath, API_PORT: '0', TELECOMX_ACCOUNTS: '150' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...unprivileged,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      // Should it start after all, stop it so the test fails on its assertions, not a timeout.
      if (stdout.includes('reference API on')) child.kill('SIGTERM')
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    return { code, stdout, stderr }
  }

  function expectOneLine(result: { code: number | null; stderr: string }, text: string): void {
    expect(result.code).toBe(1)
    const lines = result.stderr.split('\n').filter((line) => line.trim() !== '')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(text)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  }

  function folderFor(name: string): string {
    const folder = join(dir, name)
    mkdirSync(folder)
    chmodSync(dir, 0o755)
    if (unprivileged) chownSync(folder, unprivileged.uid, unprivileged.gid)
    return folder
  }

  test('a text file', async () => {
    const folder = folderFor('cli-text')
    const path = join(folder, 'readme.txt')
    writeFileSync(path, 'not a database\n')
    const result = await startServerOn(path, folder)
    expectOneLine(result, `Database ${path} is not a SQLite database`)
    expect(readFileSync(path, 'utf8')).toBe('not a database\n')
    expect(readdirSync(folder)).toEqual(['readme.txt'])
  }, 30_000)

  test.skipIf(!readOnlyIsReal)(
    'a good database in a read-only file',
    async () => {
      const folder = folderFor('cli-ro-file')
      const path = join(folder, 'good.sqlite')
      openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT }).close()
      if (unprivileged) chownSync(path, unprivileged.uid, unprivileged.gid)
      chmodSync(path, 0o444)
      const before = bytes(path)
      const result = await startServerOn(path, folder)
      expectOneLine(result, `Database ${path} is read-only (EACCES)`)
      expect(bytes(path)).toBe(before)
    },
    30_000,
  )

  test.skipIf(!readOnlyIsReal)(
    'a good database in a read-only directory',
    async () => {
      const folder = folderFor('cli-ro-dir')
      const path = join(folder, 'good.sqlite')
      openDatabase({ path, accounts: 150, scrypt: TEST_SCRYPT }).close()
      if (unprivileged) chownSync(path, unprivileged.uid, unprivileged.gid)
      chmodSync(folder, 0o555)
      const before = bytes(path)
      const result = await startServerOn(path, folder)
      expectOneLine(result, `Database directory ${folder} is not writable (EACCES)`)
      expect(bytes(path)).toBe(before)
      chmodSync(folder, 0o755)
    },
    30_000,
  )
})
