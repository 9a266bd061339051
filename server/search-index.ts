import type { Database } from 'better-sqlite3'

/*
 * GET /sip's search, in memory. Why not SQLite FTS5 (trigram): measured on the 100,000-account
 * database, FTS5 evaluates a phrase against the whole table before the scope (customer /
 * reseller subtree) narrows it, so common fragments ("77.66.100", "kontor") cost 12-28 ms however
 * small the scope, a second query is needed for `total`, and 1-2 characters cannot use it at all.
 *
 * Here every account has a position in list order (sort_key, id) and two lower-cased search
 * texts, split by visibility: `pub` (name, numbers, IP, username) and `notes`. A query either
 * - scans the scope's positions with String#includes (cost = scope size), or
 * - walks the shortest trigram posting list of the needle (cost = that list's length), checking
 *   scope, status and the real substring for each candidate,
 * whichever is cheaper. Both visit positions in list order, so `total`, the offset and the page
 * come out of one pass without sorting. SQLite stays the source of truth; the index is built
 * from it once per Database, and afterwards only status changes (setStatus).
 */

const STATUS_CODE = { ON: 1, OFF: 2 } as const
/** Below this many accounts a scan is always fast; the trigram lists are not worth building. */
export const DEFAULT_TRIGRAM_THRESHOLD = 20_000
const SCOPE_CACHE_SIZE = 64

export interface IndexQuery {
  /** Already lower-cased; empty = no filter. */
  needle: string
  up?: boolean | undefined
  searchNotes: boolean
  offset: number
  limit: number
}

export interface IndexResult {
  total: number
  /** SQLite rowids of the page, in list order. */
  rowids: number[]
  /** How the filter ran (for the benchmark and tests). */
  strategy: 'page' | 'scan' | 'trigram'
}

export interface Scope {
  positions: Int32Array
  /** 1 for each customer index in the scope. */
  customers: Uint8Array
}

/** Trigrams as numbers (three UTF-16 units), cheaper to hash than substrings. */
function trigramKey(text: string, i: number): number {
  return text.charCodeAt(i) * 4294967296 + text.charCodeAt(i + 1) * 65536 + text.charCodeAt(i + 2)
}

class TrigramPostings {
  private readonly lists = new Map<number, Int32Array>()

  constructor(texts: readonly string[]) {
    const building = new Map<number, number[]>()
    const lastSeen = new Map<number, number>()
    texts.forEach((text, position) => {
      for (let i = 0; i + 2 < text.length; i++) {
        const key = trigramKey(text, i)
        if (lastSeen.get(key) === position) continue
        lastSeen.set(key, position)
        let list = building.get(key)
        if (!list) {
          list = []
          building.set(key, list)
        }
        list.push(position)
      }
    })
    for (const [key, list] of building) this.lists.set(key, Int32Array.from(list))
  }

  /** The shortest posting list among the needle's trigrams (ascending positions). */
  shortest(needle: string): Int32Array {
    let best: Int32Array | undefined
    for (let i = 0; i + 2 < needle.length; i++) {
      const list = this.lists.get(trigramKey(needle, i))
      if (!list) return new Int32Array(0)
      if (!best || list.length < best.length) best = list
    }
    return best ?? new Int32Array(0)
  }
}

/** Ascending union of two ascending lists, without duplicates. */
function union(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0) return a
  if (a.length === 0) return b
  const out = new Int32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] ?? 0) : Infinity
    const y = j < b.length ? (b[j] ?? 0) : Infinity
    if (x <= y) {
      out[n++] = x
      i++
      if (x === y) j++
    } else {
      out[n++] = y
      j++
    }
  }
  return out.subarray(0, n)
}

export class SearchIndex {
  private readonly rowids: Int32Array
  private readonly customerOf: Int32Array
  private readonly status: Uint8Array
  private readonly pub: string[]
  private readonly notes: string[]
  private readonly positionOfRowid = new Map<number, number>()
  private readonly customerIndex = new Map<string, number>()
  private readonly byCustomer: Int32Array[] = []
  private readonly scopeCache = new Map<string, Scope>()
  private readonly pubTrigrams: TrigramPostings | undefined
  private readonly notesTrigrams: TrigramPostings | undefined

  constructor(db: Database, options: { trigramThreshold?: number } = {}) {
    const rows = db.prepare('SELECT rowid, customer, status, search_pub, search_notes FROM sip_accounts ORDER BY sort_key, id').raw().all()
    const n = rows.length
    this.rowids = new Int32Array(n)
    this.customerOf = new Int32Array(n)
    this.status = new Uint8Array(n)
    this.pub = new Array<string>(n)
    this.notes = new Array<string>(n)
    const perCustomer: number[][] = []
    rows.forEach((row, position) => {
      if (!Array.isArray(row)) throw new Error('search index: unexpected row')
      const [rowid, customer, status, pub, notes] = row
      if (typeof rowid !== 'number' || typeof customer !== 'string' || typeof pub !== 'string' || typeof notes !== 'string') {
        throw new Error('search index: unexpected row')
      }
      let c = this.customerIndex.get(customer)
      if (c === undefined) {
        c = this.customerIndex.size
        this.customerIndex.set(customer, c)
        perCustomer.push([])
      }
      perCustomer[c]?.push(position)
      this.rowids[position] = rowid
      this.customerOf[position] = c
      this.status[position] = status === 'ON' ? STATUS_CODE.ON : status === 'OFF' ? STATUS_CODE.OFF : 0
      this.pub[position] = pub
      this.notes[position] = notes
      this.positionOfRowid.set(rowid, position)
    })
    for (const positions of perCustomer) this.byCustomer.push(Int32Array.from(positions))
    if (n >= (options.trigramThreshold ?? DEFAULT_TRIGRAM_THRESHOLD)) {
      this.pubTrigrams = new TrigramPostings(this.pub)
      this.notesTrigrams = new TrigramPostings(this.notes)
    }
  }

  get size(): number {
    return this.rowids.length
  }

  /** The customers' accounts, in list order. `key` names a reusable scope for the cache. */
  scope(customers: readonly string[], key?: string): Scope {
    const cached = key === undefined ? undefined : this.scopeCache.get(key)
    if (cached) return cached
    const member = new Uint8Array(this.customerIndex.size)
    for (const customer of customers) {
      const c = this.customerIndex.get(customer)
      if (c !== undefined) member[c] = 1
    }
    let positions: Int32Array
    if (customers.length === 1) {
      const c = this.customerIndex.get(customers[0] ?? '')
      positions = (c === undefined ? undefined : this.byCustomer[c]) ?? new Int32Array(0)
    } else {
      const list: number[] = []
      for (let p = 0; p < this.customerOf.length; p++) if (member[this.customerOf[p] ?? 0] === 1) list.push(p)
      positions = Int32Array.from(list)
    }
    const scope = { positions, customers: member }
    if (key !== undefined) {
      if (this.scopeCache.size >= SCOPE_CACHE_SIZE) {
        const oldest = this.scopeCache.keys().next().value
        if (oldest !== undefined) this.scopeCache.delete(oldest)
      }
      this.scopeCache.set(key, scope)
    }
    return scope
  }

  query(scope: Scope, { needle, up, searchNotes, offset, limit }: IndexQuery): IndexResult {
    const { positions } = scope
    if (!needle && up === undefined) {
      const page = Array.from(positions.subarray(offset, offset + limit), (p) => this.rowids[p] ?? 0)
      return { total: positions.length, rowids: page, strategy: 'page' }
    }
    // PBX trunks carry status 0 here, so they drop out of both up=true and up=false.
    const wantStatus = up === undefined ? 0 : up ? STATUS_CODE.ON : STATUS_CODE.OFF
    const end = offset + limit
    const rowids: number[] = []
    let total = 0
    const matches = (p: number): boolean =>
      (wantStatus === 0 || this.status[p] === wantStatus) &&
      (!needle || (this.pub[p] ?? '').includes(needle) || (searchNotes && (this.notes[p] ?? '').includes(needle)))

    let candidates: Int32Array | undefined
    if (needle.length >= 3 && this.pubTrigrams && this.notesTrigrams) {
      const fromPub = this.pubTrigrams.shortest(needle)
      const fromNotes = searchNotes ? this.notesTrigrams.shortest(needle) : new Int32Array(0)
      // Walk the postings only when they are shorter than the scope itself.
      if (fromPub.length + fromNotes.length < positions.length) candidates = union(fromPub, fromNotes)
    }
    if (candidates) {
      for (let i = 0; i < candidates.length; i++) {
        const p = candidates[i] ?? 0
        if (scope.customers[this.customerOf[p] ?? 0] !== 1 || !matches(p)) continue
        if (total >= offset && total < end) rowids.push(this.rowids[p] ?? 0)
        total++
      }
      return { total, rowids, strategy: 'trigram' }
    }
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] ?? 0
      if (!matches(p)) continue
      if (total >= offset && total < end) rowids.push(this.rowids[p] ?? 0)
      total++
    }
    return { total, rowids, strategy: 'scan' }
  }

  setStatus(rowid: number, status: 'ON' | 'OFF' | null): void {
    const p = this.positionOfRowid.get(rowid)
    if (p !== undefined) this.status[p] = status === null ? 0 : STATUS_CODE[status]
  }
}

const indexes = new WeakMap<Database, SearchIndex>()

/** One index per open database, shared by every store on it (the app and the status simulator). */
export function searchIndexFor(db: Database): SearchIndex {
  let index = indexes.get(db)
  if (!index) {
    index = new SearchIndex(db)
    indexes.set(db, index)
  }
  return index
}
