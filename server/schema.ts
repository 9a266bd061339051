import type { Database } from 'better-sqlite3'

/** Bump when the schema or the seed changes shape: an older file is then re-seeded. */
export const SCHEMA_VERSION = 2

/*
 * How a file says "this server created me" (database.ts refuses to touch any other file):
 * SQLite's application_id header field (bytes 68-71, readable without opening the file as a
 * database) and a meta row, both written when the seed starts. 0x54585246 is "TXRF".
 */
export const APPLICATION_ID = 0x54585246
export const APP_MARKER = { key: 'app', value: 'telecomx-reference' } as const

/*
 * sip_accounts keeps the complete account as JSON (what GET /sip/:id answers before redaction)
 * plus the columns the list needs to scope, filter and order without parsing JSON:
 * - sort_key: lower-cased name with æ/ø/å mapped after z, so ORDER BY sort_key, id is the
 *   documented "name, then id" order in Danish alphabetical order;
 * - status: the only mutable column (the status simulator flips it); NULL for PBX trunks;
 * - search_pub / search_notes: lower-cased search text, split by visibility so a role that may
 *   not see notes can never match on them. The list searches them through the in-memory
 *   SearchIndex (search-index.ts explains why that beats an FTS5 trigram index here).
 * - usage: the 12 months of secsOutHomeland as a JSON array of numbers; the months are fixed.
 */
export const SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  parent_reseller TEXT,
  is_reseller INTEGER NOT NULL,
  features TEXT NOT NULL
);
CREATE INDEX customers_parent ON customers (parent_reseller);
CREATE INDEX customers_order ON customers (sort_key, id);

CREATE TABLE employees (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  language TEXT NOT NULL,
  access_level TEXT NOT NULL,
  customer TEXT NOT NULL REFERENCES customers (id),
  password_hash TEXT NOT NULL,
  sms_key TEXT,
  authenticator_token TEXT
);

CREATE TABLE tokens (
  token_hash BLOB PRIMARY KEY,
  employee TEXT NOT NULL REFERENCES employees (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER
);
CREATE INDEX tokens_employee ON tokens (employee);

CREATE TABLE sip_accounts (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  customer TEXT NOT NULL REFERENCES customers (id),
  sort_key TEXT NOT NULL,
  status TEXT,
  pbx INTEGER NOT NULL,
  full_json TEXT NOT NULL,
  usage TEXT NOT NULL,
  search_pub TEXT NOT NULL,
  search_notes TEXT NOT NULL
);
CREATE INDEX sip_customer ON sip_accounts (customer);
CREATE INDEX sip_order ON sip_accounts (sort_key, id);
`

export function createSchema(db: Database): void {
  db.exec(SCHEMA_SQL)
}

/** Search text is compared lower-cased on both sides (SQLite's lower() only knows ASCII). */
export function searchText(value: string): string {
  return value.toLowerCase()
}

/** Separates fields in the search text so a filter never matches across two fields. */
export const SEARCH_FIELD_SEPARATOR = '\u001f'

const DANISH_AFTER_Z: Record<string, string> = { æ: '{', ä: '{', ø: '|', ö: '|', å: '}' }

/** Case-insensitive, with Danish æ, ø, å after z (Unicode code point order would put å first). */
export function sortKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[æäøöå]/g, (letter) => DANISH_AFTER_Z[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
}
