import type { Database, Statement } from 'better-sqlite3'
import * as z from 'zod/mini'
import { SEARCH_FIELD_SEPARATOR, searchText } from './schema.ts'
import { searchIndexFor } from './search-index.ts'

/*
 * Every SQL statement of the server, prepared once per database. Rows are parsed with zod on the
 * way out: the file may be older or edited by hand, and a bad row must become a clean error.
 */

const CustomerRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  parent_reseller: z.nullable(z.string()),
  is_reseller: z.number(),
  features: z.string(),
})
export interface CustomerRecord {
  id: string
  name: string
  parentReseller: string | null
  isReseller: boolean
  features: string[]
}

const EmployeeRowSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  language: z.string(),
  access_level: z.string(),
  customer: z.string(),
  password_hash: z.string(),
  sms_key: z.nullable(z.string()),
  authenticator_token: z.nullable(z.string()),
})
export type EmployeeRecord = z.infer<typeof EmployeeRowSchema>

const TokenRowSchema = z.object({
  token_hash: z.instanceof(Buffer),
  employee: z.string(),
  created_at: z.number(),
  expires_at: z.nullable(z.number()),
})
export type TokenRecord = z.infer<typeof TokenRowSchema>

const SipRowSchema = z.object({
  id: z.string(),
  customer: z.string(),
  status: z.nullable(z.string()),
  pbx: z.number(),
  full_json: z.string(),
  usage: z.string(),
})
export type SipRow = z.infer<typeof SipRowSchema>
const SipPageRowSchema = z.extend(SipRowSchema, { rowid: z.number() })

const CountSchema = z.object({ n: z.number() })
const IdRowSchema = z.object({ id: z.string() })
const FeaturesSchema = z.array(z.string())

export interface SipListQuery {
  /** The customers whose accounts are listed (already access-checked). */
  customers: readonly string[]
  /** Names the customer set (e.g. `reseller:<id>`) so the index can reuse it. */
  scopeKey?: string | undefined
  /** Raw filter text; matched case-insensitively as a substring. */
  filter?: string | undefined
  up?: boolean | undefined
  /** Whether notes are searched (only roles that may see notes). */
  searchNotes: boolean
  offset: number
  limit: number
}

export interface CustomerListQuery {
  /** null = every customer (ADMIN). */
  parents: readonly string[] | null
  /** Only these ids (lower-case, already access-checked); undefined = no id restriction. */
  ids?: readonly string[] | undefined
  /** Only customers that are resellers themselves. */
  resellersOnly?: boolean | undefined
  filter?: string | undefined
  offset: number
  limit: number
}

export interface Store {
  customer(id: string): CustomerRecord | null
  /** The reseller and, recursively, its sub-resellers. */
  resellerTree(resellerId: string): ReadonlySet<string>
  /** The reseller's own record, its sub-resellers and every customer below them. */
  resellerScope(resellerId: string): ReadonlySet<string>
  /** Every customer: the operator's whole tree (ADMIN's own customer as `reseller`). */
  allCustomers(): ReadonlySet<string>
  resellers(ids: ReadonlySet<string> | null): CustomerRecord[]
  listCustomers(query: CustomerListQuery): { total: number; customers: CustomerRecord[] }
  employeeByEmail(email: string): EmployeeRecord | null
  employeeById(id: string): EmployeeRecord | null
  anyPasswordHash(): string | null
  token(hash: Buffer): TokenRecord | null
  deleteTokensOf(employee: string): number
  purgeExpiredTokens(now: number): void
  sipAccount(id: string): SipRow | null
  listSip(query: SipListQuery): { total: number; rows: SipRow[] }
  /** The only mutation of SIP data (status simulator); keeps the search index in step. */
  setStatus(id: string, status: 'ON' | 'OFF'): void
}

/** SIP rows kept in memory per database (about 1.5 KB each). */
const ROW_CACHE_SIZE = 10_000

/** SIP rows by rowid, least recently inserted dropped first; shared by every store on the database. */
class RowCache {
  private readonly rows = new Map<number, SipRow>()
  has = (rowid: number): boolean => this.rows.has(rowid)
  get = (rowid: number): SipRow | undefined => this.rows.get(rowid)
  set(rowid: number, row: SipRow): void {
    this.rows.set(rowid, row)
  }
  delete(rowid: number): void {
    this.rows.delete(rowid)
  }
  /** After a page is assembled, so a page larger than the bound is still served whole. */
  trim(): void {
    for (const rowid of this.rows.keys()) {
      if (this.rows.size <= ROW_CACHE_SIZE) break
      this.rows.delete(rowid)
    }
  }
}

// One per database, like the search index: the status simulator's store flips a status, and
// the app's store must not serve the old one.
const rowCaches = new WeakMap<Database, RowCache>()
function rowCacheFor(db: Database): RowCache {
  let cache = rowCaches.get(db)
  if (!cache) {
    cache = new RowCache()
    rowCaches.set(db, cache)
  }
  return cache
}

/** SQLite's lower() folds ASCII only; the filter needs the same lower-casing as GET /sip's search. */
const SEARCH_TEXT_FUNCTION = 'telecomx_search_text'

export function createStore(db: Database): Store {
  db.function(SEARCH_TEXT_FUNCTION, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? searchText(value) : null))
  const customerById = db.prepare('SELECT id, name, parent_reseller, is_reseller, features FROM customers WHERE id = ?')
  const treeOf = db.prepare(
    `WITH RECURSIVE tree(id) AS (
       SELECT id FROM customers WHERE id = ? AND is_reseller = 1
       UNION SELECT c.id FROM customers c JOIN tree t ON c.parent_reseller = t.id WHERE c.is_reseller = 1)
     SELECT id FROM tree`,
  )
  const childrenOf = db.prepare('SELECT id FROM customers WHERE parent_reseller IN (SELECT value FROM json_each(?))')
  const everyCustomer = db.prepare('SELECT id FROM customers')
  const allResellers = db.prepare(
    'SELECT id, name, parent_reseller, is_reseller, features FROM customers WHERE is_reseller = 1 ORDER BY sort_key, id',
  )
  const employeeByEmail = db.prepare('SELECT * FROM employees WHERE email = ?')
  const employeeById = db.prepare('SELECT * FROM employees WHERE id = ?')
  const anyHash = db.prepare('SELECT password_hash AS id FROM employees ORDER BY id LIMIT 1')
  const tokenByHash = db.prepare('SELECT token_hash, employee, created_at, expires_at FROM tokens WHERE token_hash = ?')
  const deleteTokens = db.prepare('DELETE FROM tokens WHERE employee = ?')
  const purgeTokens = db.prepare('DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at < ?')
  const sipById = db.prepare('SELECT id, customer, status, pbx, full_json, usage FROM sip_accounts WHERE id = ?')

  const sipPage = db.prepare(
    'SELECT rowid, id, customer, status, pbx, full_json, usage FROM sip_accounts WHERE rowid IN (SELECT value FROM json_each(?))',
  )
  const updateStatus = db.prepare('UPDATE sip_accounts SET status = ? WHERE id = ? AND pbx = 0 RETURNING rowid')

  const statements = new Map<string, Statement>()
  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }

  // Customers and the reseller hierarchy never change while the server runs: cache the scopes.
  const treeCache = new Map<string, ReadonlySet<string>>()
  const scopeCache = new Map<string, ReadonlySet<string>>()
  let allCustomers: ReadonlySet<string> | undefined

  const toCustomer = (row: unknown): CustomerRecord | null => {
    const parsed = CustomerRowSchema.safeParse(row)
    if (!parsed.success) return null
    const features = FeaturesSchema.safeParse(JSON.parse(parsed.data.features))
    return {
      id: parsed.data.id,
      name: parsed.data.name,
      parentReseller: parsed.data.parent_reseller,
      isReseller: parsed.data.is_reseller === 1,
      features: features.success ? features.data : [],
    }
  }
  const ids = (rows: unknown[]): string[] =>
    rows.flatMap((row) => {
      const parsed = IdRowSchema.safeParse(row)
      return parsed.success ? [parsed.data.id] : []
    })
  const count = (row: unknown): number => {
    const parsed = CountSchema.safeParse(row)
    return parsed.success ? parsed.data.n : 0
  }
  const store: Store = {
    customer: (id) => toCustomer(customerById.get(id.toLowerCase())),

    resellerTree(resellerId) {
      const key = resellerId.toLowerCase()
      let tree = treeCache.get(key)
      if (!tree) {
        tree = new Set(ids(treeOf.all(key)))
        treeCache.set(key, tree)
      }
      return tree
    },

    resellerScope(resellerId) {
      const key = resellerId.toLowerCase()
      let scope = scopeCache.get(key)
      if (!scope) {
        const tree = store.resellerTree(key)
        scope = new Set([...tree, ...ids(childrenOf.all(JSON.stringify([...tree])))])
        scopeCache.set(key, scope)
      }
      return scope
    },

    allCustomers() {
      allCustomers ??= new Set(ids(everyCustomer.all()))
      return allCustomers
    },

    resellers(allowed) {
      const all = allResellers.all().flatMap((row) => toCustomer(row) ?? [])
      return allowed ? all.filter((r) => allowed.has(r.id)) : all
    },

    listCustomers({ parents, ids: only, resellersOnly, filter, offset, limit }) {
      const where: string[] = []
      const params: unknown[] = []
      if (parents) {
        where.push('parent_reseller IN (SELECT value FROM json_each(?))')
        params.push(JSON.stringify(parents))
      }
      if (only) {
        where.push('id IN (SELECT value FROM json_each(?))')
        params.push(JSON.stringify(only))
      }
      if (resellersOnly) where.push('is_reseller = 1')
      if (filter) {
        // The name itself, lower-cased exactly as GET /sip's filter does (searchText), never the
        // sort key: that maps æ/ä to '{' and ø/ö to '|' and strips accents, so '{' found "Ærø"
        // and 'o' found "Søborg" here while GET /sip does neither.
        where.push(`instr(${SEARCH_TEXT_FUNCTION}(name), ?) > 0`)
        params.push(searchText(filter))
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
      const total = count(prepared(`SELECT count(*) AS n FROM customers ${clause}`).get(...params))
      const rows = prepared(
        `SELECT id, name, parent_reseller, is_reseller, features FROM customers ${clause} ORDER BY sort_key, id LIMIT ? OFFSET ?`,
      ).all(...params, limit, offset)
      return { total, customers: rows.flatMap((row) => toCustomer(row) ?? []) }
    },

    employeeByEmail(email) {
      const parsed = EmployeeRowSchema.safeParse(employeeByEmail.get(email))
      return parsed.success ? parsed.data : null
    },
    employeeById(id) {
      const parsed = EmployeeRowSchema.safeParse(employeeById.get(id))
      return parsed.success ? parsed.data : null
    },
    anyPasswordHash() {
      const parsed = IdRowSchema.safeParse(anyHash.get())
      return parsed.success ? parsed.data.id : null
    },
    token(hash) {
      const parsed = TokenRowSchema.safeParse(tokenByHash.get(hash))
      return parsed.success ? parsed.data : null
    },
    deleteTokensOf: (employee) => deleteTokens.run(employee).changes,
    purgeExpiredTokens(now) {
      // Expired rows are kept for a day so a late request still learns "expired", not "invalid".
      purgeTokens.run(now - 24 * 60 * 60 * 1000)
    },

    sipAccount(id) {
      const parsed = SipRowSchema.safeParse(sipById.get(id.toLowerCase()))
      return parsed.success ? parsed.data : null
    },

    listSip({ customers, scopeKey, filter, up, searchNotes, offset, limit }) {
      const index = searchIndexFor(db)
      const needle = filter ? searchText(filter) : ''
      // The separator joins fields in the search text; a needle holding it would match across fields.
      if (needle.includes(SEARCH_FIELD_SEPARATOR)) return { total: 0, rows: [] }
      const { total, rowids } = index.query(index.scope(customers, scopeKey), { needle, up, searchNotes, offset, limit })
      if (rowids.length === 0) return { total, rows: [] }
      // Reading ~1 KB of JSON per row and parsing it was most of a list request's cost, and
      // the same first pages are asked for again and again (polling, paging back): keep rows.
      const cache = rowCacheFor(db)
      const missing = rowids.filter((rowid) => !cache.has(rowid))
      if (missing.length > 0) {
        for (const row of sipPage.all(JSON.stringify(missing))) {
          const parsed = SipPageRowSchema.safeParse(row)
          if (parsed.success) cache.set(parsed.data.rowid, parsed.data)
        }
      }
      const rows = rowids.flatMap((rowid) => cache.get(rowid) ?? [])
      cache.trim()
      return { total, rows }
    },

    setStatus(id, status) {
      const parsed = z.object({ rowid: z.number() }).safeParse(updateStatus.get(status, id.toLowerCase()))
      if (parsed.success) {
        searchIndexFor(db).setStatus(parsed.data.rowid, status)
        rowCacheFor(db).delete(parsed.data.rowid)
      }
    },
  }
  return store
}
