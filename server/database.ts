import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import * as z from 'zod/mini'
import type { ScryptCost } from './passwords.ts'
import { SCHEMA_VERSION } from './schema.ts'
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

/**
 * Opens the database file, seeding it first when it is missing, incomplete, from an older schema,
 * of another requested size, or when `reset` is set. Seeding writes a temporary file that is
 * renamed into place only once the completion marker is in it, so a crash mid-seed leaves
 * either the old good file or no file — never a half-seeded one under the real name.
 */
export function openDatabase(options: OpenDatabaseOptions = {}): Database {
  const path = options.path ?? DEFAULT_DB_PATH
  const log = options.log ?? (() => {})
  const wantAccounts = options.accounts ?? DEFAULT_ACCOUNTS
  const wantSeed = options.seed ?? DEFAULT_SEED
  mkdirSync(dirname(path), { recursive: true })

  if (options.reset) removeDatabaseFiles(path)
  if (existsSync(path)) {
    const db = new BetterSqlite3(path)
    const marker = readSeedMarker(db)
    if (marker && marker.accounts === Math.max(100, Math.floor(wantAccounts)) && marker.seed === wantSeed) {
      tune(db)
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
  log(`Seeding ${wantAccounts} SIP accounts into ${path} …`)
  const seeding = new BetterSqlite3(temp)
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
  const db = new BetterSqlite3(path)
  tune(db)
  return db
}

/** A seeded in-memory database for tests: nothing on disk, gone when closed. */
export function createMemoryDatabase(options: { accounts?: number; seed?: number; scrypt?: ScryptCost } = {}): Database {
  const db = new BetterSqlite3(':memory:')
  db.pragma('foreign_keys = ON')
  seedDatabase(db, options)
  return db
}
