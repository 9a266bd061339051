import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import * as z from 'zod/mini'
import type { ScryptCost } from './passwords.ts'
import { APP_MARKER, APPLICATION_ID, SCHEMA_VERSION } from './schema.ts'
import { DEFAULT_ACCOUNTS, DEFAULT_SEED, seedDatabase, type SeedMarker } from './seed.ts'

export const DEFAULT_DB_PATH = 'data/telecomx.sqlite'

export interface OpenDatabaseOptions {
  path?: string
  /** Delete and re-seed even if a good database exists. */
  reset?: boolean
  accounts?: number
  seed?: number
  scrypt?: ScryptCost
  /** Told when a seed starts and ends (the CLI prints it; tests stay quiet). */
  log?: (message: string) => void
  /** The permission check (fs.accessSync); replaceable so a test can play a read-only mount. */
  access?: AccessCheck
}

/**
 * The database cannot be used as asked: a file that is not ours, or a path we may not write.
 * The message is one line naming the path, made to be printed as it is (no stack trace).
 */
export class DatabaseRefusedError extends Error {
  override name = 'DatabaseRefusedError'
}

const SeedMarkerSchema = z.object({ schemaVersion: z.number(), accounts: z.number(), seed: z.number() })

/** The completion marker, or null when the file is half-seeded, foreign or from an older schema. */
export function readSeedMarker(db: Database): SeedMarker | null {
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'seed'").get()
    const parsed = z.object({ value: z.string() }).safeParse(row)
    if (!parsed.success) return null
    const marker = SeedMarkerSchema.safeParse(JSON.parse(parsed.data.value))
    return marker.success && marker.data.schemaVersion === SCHEMA_VERSION ? marker.data : null
  } catch {
    // No meta table (or garbage in it): not a database we completed.
    return null
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true })
}

function tune(db: Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('cache_size = -65536')
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

function errorCode(error: unknown): string {
  const code = z.object({ code: z.string() }).safeParse(error)
  return code.success ? code.data.code : error instanceof Error ? error.message : String(error)
}

export type Ownership = 'missing' | 'ours' | 'ours-legacy' | { foreign: string }

/**
 * Whose file is this? Decided from the header bytes and, for a SQLite file without an
 * application_id, a read-only look for our seed marker — never by opening it read-write, which
 * would already create -wal/-shm files beside someone else's database.
 */
export function databaseOwnership(path: string): Ownership {
  let size: number
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) return { foreign: 'is a directory' }
    size = stat.size
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing'
    throw new DatabaseRefusedError(`Database ${path} cannot be read (${errorCode(error)}).`)
  }
  const header = Buffer.alloc(100)
  let read = 0
  try {
    const fd = openSync(path, 'r')
    try {
      read = readSync(fd, header, 0, 100, 0)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    throw new DatabaseRefusedError(`Database ${path} cannot be read (${errorCode(error)}).`)
  }
  if (size === 0) return { foreign: 'is an empty file this server did not create' }
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) return { foreign: 'is not a SQLite database' }
  const applicationId = header.readInt32BE(68)
  if (applicationId === APPLICATION_ID) return 'ours'
  if (applicationId !== 0)
    return { foreign: `is the SQLite database of another application (application_id 0x${(applicationId >>> 0).toString(16)})` }
  // Files seeded before the application_id existed carry only the seed marker in `meta`.
  let legacy = false
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
    try {
      const row = z.object({ value: z.string() }).safeParse(db.prepare("SELECT value FROM meta WHERE key = 'seed'").get())
      legacy = row.success && z.object({ accounts: z.number(), seed: z.number() }).safeParse(JSON.parse(row.data.value)).success
    } finally {
      db.close()
    }
  } catch {
    legacy = false
  }
  return legacy ? 'ours-legacy' : { foreign: 'is a SQLite database this server did not create (no telecomx-reference marker)' }
}

export type AccessCheck = (path: string, mode: number) => void

/**
 * The server writes (sign-in tokens, the status simulator), so a database it cannot write is
 * refused before it starts, not discovered as a 500 on the first login. The directory must be
 * writable too: SQLite creates -wal/-shm files there, and seeding renames a file into it.
 */
function assertWritable(path: string, access: AccessCheck): void {
  const dir = dirname(path)
  try {
    mkdirSync(dir, { recursive: true })
    access(dir, constants.W_OK | constants.X_OK)
  } catch (error) {
    throw new DatabaseRefusedError(
      `Database directory ${dir} is not writable (${errorCode(error)}): the server needs it for ${basename(path)} and its -wal/-shm files. Fix the permissions or choose another --db / DB_PATH.`,
    )
  }
  if (!existsSync(path)) return
  try {
    access(path, constants.R_OK | constants.W_OK)
  } catch (error) {
    throw new DatabaseRefusedError(
      `Database ${path} is read-only (${errorCode(error)}): the server writes sign-in tokens to it. Fix the permissions or choose another --db / DB_PATH.`,
    )
  }
}

/** Opens an existing file of ours read-write and proves a write transaction can start. */
function openWritable(path: string): Database {
  let db: Database | undefined
  try {
    db = new BetterSqlite3(path, { fileMustExist: true })
    tune(db)
    // SQLite silently falls back to read-only when it cannot write the file; BEGIN IMMEDIATE
    // takes the write lock and so fails now instead of at the first login.
    db.exec('BEGIN IMMEDIATE')
    db.exec('ROLLBACK')
    return db
  } catch (error) {
    if (db?.open) db.close()
    throw new DatabaseRefusedError(
      `Database ${path} cannot be opened for writing (${errorCode(error)}). Fix the permissions or choose another --db / DB_PATH.`,
    )
  }
}

/**
 * Opens the database file, seeding it first when it is missing, or when it is ours but
 * incomplete, from an older schema, of another requested size, or `reset` is set. A file this
 * server did not create, or one it may not write, is refused with a DatabaseRefusedError and
 * left exactly as it was. Seeding writes a temporary file that is renamed into place only once
 * the completion marker is in it, so a crash mid-seed leaves either the old good file or no
 * file — never a half-seeded one under the real name.
 */
export function openDatabase(options: OpenDatabaseOptions = {}): Database {
  const path = options.path ?? DEFAULT_DB_PATH
  const log = options.log ?? (() => {})
  const access = options.access ?? accessSync
  const wantAccounts = options.accounts ?? DEFAULT_ACCOUNTS
  const wantSeed = options.seed ?? DEFAULT_SEED

  const ownership = databaseOwnership(path)
  if (typeof ownership === 'object') {
    throw new DatabaseRefusedError(`Database ${path} ${ownership.foreign}; refusing to use or replace it. Choose another --db / DB_PATH.`)
  }
  assertWritable(path, access)

  if (options.reset) removeDatabaseFiles(path)
  else if (ownership !== 'missing') {
    const db = openWritable(path)
    const marker = readSeedMarker(db)
    if (marker && marker.accounts === Math.max(100, Math.floor(wantAccounts)) && marker.seed === wantSeed) {
      if (ownership === 'ours-legacy') {
        // Seeded before the ownership marker existed: mark it now that it is known to be ours.
        db.pragma(`application_id = ${APPLICATION_ID}`)
        db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(APP_MARKER.key, APP_MARKER.value)
      }
      return db
    }
    db.close()
    log(marker ? `Database ${path} was seeded with other settings; re-seeding.` : `Database ${path} is incomplete or outdated; re-seeding.`)
    removeDatabaseFiles(path)
  }

  // Leftovers of a seed that crashed (any process) are never used; clear them.
  for (const name of readdirSync(dirname(path))) {
    if (name.startsWith(`${basename(path)}.seeding-`)) rmSync(join(dirname(path), name), { force: true })
  }
  const temp = `${path}.seeding-${process.pid}`
  const started = performance.now()
  const seeding = new BetterSqlite3(temp)
  log(`Seeding ${wantAccounts} SIP accounts into ${path} …`)
  try {
    // The temp file is thrown away on any failure, so durability settings can be off while seeding.
    seeding.pragma('journal_mode = OFF')
    seeding.pragma('synchronous = OFF')
    seedDatabase(seeding, { accounts: wantAccounts, seed: wantSeed, ...(options.scrypt ? { scrypt: options.scrypt } : {}) })
    seeding.close()
  } catch (error) {
    if (seeding.open) seeding.close()
    removeDatabaseFiles(temp)
    throw error
  }
  renameSync(temp, path)
  log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
  return openWritable(path)
}

/** A seeded in-memory database for tests: nothing on disk, gone when closed. */
export function createMemoryDatabase(options: { accounts?: number; seed?: number; scrypt?: ScryptCost } = {}): Database {
  const db = new BetterSqlite3(':memory:')
  db.pragma('foreign_keys = ON')
  seedDatabase(db, options)
  return db
}
