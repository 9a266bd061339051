import type { Database } from 'better-sqlite3'
import { SEARCH_FIELD_SEPARATOR } from './schema.ts'

/*
 * GET /sip's search, in memory. Why not SQLite FTS5 (trigram): measured on the 100,000-account
 * database, FTS5 evaluates a phrase against the whole table before the scope (customer /
 * reseller subtree) narrows it, so common fragments ("77.66.100", "kontor") cost 12-28 ms however
 * small the scope, a second query is needed for `total`, and 1-2 characters cannot use it at all.
 *
 * Here every account has a position in list order (sort_key, id) and two lower-cased search
 * texts, split by visibility: `pub` (name, numbers, IP, username) and `notes`. For each text the
 * index holds the positions containing every 1-, 2- and 3-character gram (n-gram postings):
 * - a needle of 1-3 characters IS a gram, so its postings are the exact answer: no substring
 *   test at all, and counting `total` over tens of thousands of matches is a typed-array walk;
 * - a longer needle intersects the postings of its trigrams and verifies the few survivors
 *   with String#includes.
 * A gram found in more than 1/32 of the accounts is kept as a bitset (N/8 bytes) instead of a
 * position list (4 bytes per entry), so no gram costs more than the bitset. Characters outside
 * the 63 most frequent map to one "other" code: their postings are a superset and are verified.
 * Both paths visit positions in list order, so `total`, the offset and the page come out of one
 * pass without sorting. SQLite stays the source of truth; the index is built from it once per
 * Database — at start-up, before the server listens (main.ts) — and afterwards only status
 * changes (setStatus).
 */

const STATUS_CODE = { ON: 1, OFF: 2 } as const
/** Below this many accounts a scan is always fast; the n-gram postings are not worth building. */
export const DEFAULT_NGRAM_THRESHOLD = 20_000
const SCOPE_CACHE_SIZE = 64
/** Verified match lists kept: 8 MB is 2 million positions, e.g. 200 filters of 10,000 matches. */
const MATCH_CACHE_BYTES = 8 * 1024 * 1024
const MATCH_CACHE_ENTRIES = 1024

/** Codes 1..63 for the most frequent UTF-16 units, 0 for every other one. */
const ALPHABET = 64
const BIGRAM_BASE = ALPHABET
const TRIGRAM_BASE = BIGRAM_BASE + ALPHABET * ALPHABET
const GRAM_IDS = TRIGRAM_BASE + ALPHABET * ALPHABET * ALPHABET
/** Intersecting more trigram postings than this rarely removes a candidate worth its cost. */
const MAX_INTERSECTIONS = 6

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
  strategy: 'page' | 'scan' | 'exact' | 'verified'
  /** Substring tests (String#includes) the query ran: the cost that grows with the candidates. */
  verified: number
}

export interface Scope {
  positions: Int32Array
  /** 1 for each customer index in the scope. */
  customers: Uint8Array
}

/** Ascending positions, as a list (sparse) or a bitset over all N positions (dense). */
type PositionSet = { kind: 'list'; list: Int32Array } | { kind: 'bits'; bits: Uint32Array; count: number }

const EMPTY: PositionSet = { kind: 'list', list: new Int32Array(0) }
const sizeOf = (set: PositionSet): number => (set.kind === 'list' ? set.list.length : set.count)

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

function hasBit(bits: Uint32Array, p: number): boolean {
  return ((bits[p >>> 5] ?? 0) & (1 << (p & 31))) !== 0
}

/** Calls visit(p) for each position in ascending order. */
function forEachPosition(set: PositionSet, visit: (p: number) => void): void {
  if (set.kind === 'list') {
    for (let i = 0; i < set.list.length; i++) visit(set.list[i] ?? 0)
    return
  }
  const { bits } = set
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w] ?? 0
    while (x !== 0) {
      const lowest = x & -x
      visit(w * 32 + 31 - Math.clz32(lowest))
      x ^= lowest
    }
  }
}

function contains(set: PositionSet, p: number): boolean {
  if (set.kind === 'bits') return hasBit(set.bits, p)
  // Binary search: only used to intersect a shorter list with a longer one.
  let lo = 0
  let hi = set.list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const v = set.list[mid] ?? 0
    if (v === p) return true
    if (v < p) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

function intersect(a: PositionSet, b: PositionSet): PositionSet {
  if (a.kind === 'bits' && b.kind === 'bits') {
    const bits = new Uint32Array(a.bits.length)
    let count = 0
    for (let w = 0; w < bits.length; w++) {
      const x = (a.bits[w] ?? 0) & (b.bits[w] ?? 0)
      bits[w] = x
      count += popcount(x)
    }
    return { kind: 'bits', bits, count }
  }
  const [small, large] = sizeOf(a) <= sizeOf(b) ? [a, b] : [b, a]
  const kept: number[] = []
  forEachPosition(small, (p) => {
    if (contains(large, p)) kept.push(p)
  })
  return { kind: 'list', list: Int32Array.from(kept) }
}

function union(a: PositionSet, b: PositionSet, positions: number): PositionSet {
  if (sizeOf(b) === 0) return a
  if (sizeOf(a) === 0) return b
  if (a.kind === 'list' && b.kind === 'list') {
    const x = a.list
    const y = b.list
    const out = new Int32Array(x.length + y.length)
    let i = 0
    let j = 0
    let n = 0
    while (i < x.length || j < y.length) {
      const u = i < x.length ? (x[i] ?? 0) : Infinity
      const v = j < y.length ? (y[j] ?? 0) : Infinity
      if (u <= v) {
        out[n++] = u
        i++
        if (u === v) j++
      } else {
        out[n++] = v
        j++
      }
    }
    return { kind: 'list', list: out.subarray(0, n) }
  }
  const bits = new Uint32Array((positions + 31) >>> 5)
  let count = 0
  for (const set of [a, b]) {
    if (set.kind === 'bits') for (let w = 0; w < bits.length; w++) bits[w] = (bits[w] ?? 0) | (set.bits[w] ?? 0)
    else
      for (let i = 0; i < set.list.length; i++) {
        const p = set.list[i] ?? 0
        bits[p >>> 5] = (bits[p >>> 5] ?? 0) | (1 << (p & 31))
      }
  }
  for (let w = 0; w < bits.length; w++) count += popcount(bits[w] ?? 0)
  return { kind: 'bits', bits, count }
}

/** Maps each UTF-16 unit to its alphabet code; the separator always gets its own code. */
function buildAlphabet(texts: readonly (readonly string[])[]): Uint8Array {
  const frequency = new Float64Array(65536)
  for (const list of texts)
    for (const text of list)
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i)
        frequency[unit] = (frequency[unit] ?? 0) + 1
      }
  const separator = SEARCH_FIELD_SEPARATOR.charCodeAt(0)
  const units = Array.from({ length: 65536 }, (_, unit) => unit)
    .filter((unit) => frequency[unit] !== 0 && unit !== separator)
    .sort((x, y) => (frequency[y] ?? 0) - (frequency[x] ?? 0) || x - y)
  const codeOf = new Uint8Array(65536)
  codeOf[separator] = 1
  units.slice(0, ALPHABET - 2).forEach((unit, i) => (codeOf[unit] = i + 2))
  return codeOf
}

/** The gram ids of one text, each once, in any order. */
function eachGram(text: string, codeOf: Uint8Array, seen: Int32Array, stamp: number, visit: (id: number) => void): void {
  let c1 = 0
  let c2 = 0
  for (let i = 0; i < text.length; i++) {
    const c = codeOf[text.charCodeAt(i)] ?? 0
    const ids = i >= 2 ? 3 : i + 1
    for (let n = 1; n <= ids; n++) {
      const id = n === 1 ? c : n === 2 ? BIGRAM_BASE + c1 * ALPHABET + c : TRIGRAM_BASE + (c2 * ALPHABET + c1) * ALPHABET + c
      if (seen[id] === stamp) continue
      seen[id] = stamp
      visit(id)
    }
    c2 = c1
    c1 = c
  }
}

class NgramPostings {
  /** Sparse grams: postings[start[id] .. start[id + 1]) in ascending order. */
  private readonly start: Int32Array
  private readonly postings: Int32Array
  /** Dense grams: index into `dense` + 1 (0 = sparse or absent). */
  private readonly denseSlot: Int32Array
  private readonly dense: { bits: Uint32Array; count: number }[] = []

  constructor(
    texts: readonly string[],
    private readonly codeOf: Uint8Array,
  ) {
    const n = texts.length
    const counts = new Int32Array(GRAM_IDS)
    const seen = new Int32Array(GRAM_IDS)
    texts.forEach((text, p) => eachGram(text, codeOf, seen, p + 1, (id) => (counts[id] = (counts[id] ?? 0) + 1)))

    // A list costs 4 bytes per position, a bitset N/8 bytes: keep whichever is smaller.
    this.denseSlot = new Int32Array(GRAM_IDS)
    this.start = new Int32Array(GRAM_IDS + 1)
    const words = (n + 31) >>> 5
    let total = 0
    for (let id = 0; id < GRAM_IDS; id++) {
      this.start[id] = total
      const count = counts[id] ?? 0
      if (count * 32 > n) {
        this.dense.push({ bits: new Uint32Array(words), count })
        this.denseSlot[id] = this.dense.length
      } else total += count
    }
    this.start[GRAM_IDS] = total
    this.postings = new Int32Array(total)
    const cursor = this.start.slice(0, GRAM_IDS)
    seen.fill(0)
    texts.forEach((text, p) =>
      eachGram(text, codeOf, seen, p + 1, (id) => {
        const slot = this.denseSlot[id] ?? 0
        const dense = slot > 0 ? this.dense[slot - 1] : undefined
        if (dense) dense.bits[p >>> 5] = (dense.bits[p >>> 5] ?? 0) | (1 << (p & 31))
        else {
          const at = cursor[id] ?? 0
          this.postings[at] = p
          cursor[id] = at + 1
        }
      }),
    )
  }

  private set(id: number): PositionSet {
    const dense = this.dense[(this.denseSlot[id] ?? 0) - 1]
    if (dense) return { kind: 'bits', bits: dense.bits, count: dense.count }
    return { kind: 'list', list: this.postings.subarray(this.start[id] ?? 0, this.start[id + 1] ?? 0) }
  }

  /**
   * Positions whose text may contain the needle (a superset), and whether it is exactly the
   * set that does (a needle of 1-3 characters, all with their own code).
   */
  candidates(needle: string): { set: PositionSet; exact: boolean } {
    // UTF-16 units, as the postings were built (not code points: an emoji is two units).
    const units = Array.from({ length: needle.length }, (_, i) => this.codeOf[needle.charCodeAt(i)] ?? 0)
    const exact = units.length <= 3 && !units.includes(0)
    const [a = 0, b = 0, c = 0] = units
    if (units.length === 1) return { set: this.set(a), exact }
    if (units.length === 2) return { set: this.set(BIGRAM_BASE + a * ALPHABET + b), exact }
    if (units.length === 3) return { set: this.set(TRIGRAM_BASE + (a * ALPHABET + b) * ALPHABET + c), exact }
    const ids = new Set<number>()
    for (let i = 0; i + 2 < units.length; i++)
      ids.add(TRIGRAM_BASE + ((units[i] ?? 0) * ALPHABET + (units[i + 1] ?? 0)) * ALPHABET + (units[i + 2] ?? 0))
    const sets = [...ids].map((id) => this.set(id)).sort((x, y) => sizeOf(x) - sizeOf(y))
    let result = sets[0] ?? EMPTY
    for (const next of sets.slice(1, MAX_INTERSECTIONS)) {
      if (sizeOf(result) === 0) break
      result = intersect(result, next)
    }
    return { set: result, exact: false }
  }

  get bytes(): number {
    return (
      this.start.byteLength +
      this.postings.byteLength +
      this.denseSlot.byteLength +
      this.dense.reduce((sum, d) => sum + d.bits.byteLength, 0)
    )
  }
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
  private readonly scopeBitsCache = new WeakMap<Scope, Uint32Array>()
  private readonly scopeNumbers = new WeakMap<Int32Array, number>()
  private nextScopeNumber = 0
  /** Verified matches by scope, notes flag and needle (LRU by insertion order). */
  private readonly matchCache = new Map<string, Int32Array>()
  private matchCacheBytes = 0
  private readonly pubGrams: NgramPostings | undefined
  private readonly notesGrams: NgramPostings | undefined

  constructor(db: Database, options: { ngramThreshold?: number } = {}) {
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
    if (n >= (options.ngramThreshold ?? DEFAULT_NGRAM_THRESHOLD)) {
      const codeOf = buildAlphabet([this.pub, this.notes])
      this.pubGrams = new NgramPostings(this.pub, codeOf)
      this.notesGrams = new NgramPostings(this.notes, codeOf)
    }
  }

  get size(): number {
    return this.rowids.length
  }

  /** Bytes held in the n-gram postings (typed arrays); the texts themselves come on top. */
  get postingsBytes(): number {
    return (this.pubGrams?.bytes ?? 0) + (this.notesGrams?.bytes ?? 0)
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

  /** The scope as a bitset over all positions, built once per (cached) scope. */
  private scopeBits(scope: Scope): Uint32Array {
    let bits = this.scopeBitsCache.get(scope)
    if (!bits) {
      bits = new Uint32Array((this.rowids.length + 31) >>> 5)
      for (let i = 0; i < scope.positions.length; i++) {
        const p = scope.positions[i] ?? 0
        bits[p >>> 5] = (bits[p >>> 5] ?? 0) | (1 << (p & 31))
      }
      this.scopeBitsCache.set(scope, bits)
    }
    return bits
  }

  /**
   * Calls visit(p) for each candidate inside the scope, in list order, visiting as few positions
   * as possible: a small scope is walked and tested against the candidates' bits; a large scope
   * is ANDed with them a word at a time (accounts outside the scope are never visited, let alone
   * verified); a candidate list is walked and tested for scope membership.
   */
  private inScope(scope: Scope, candidates: PositionSet, visit: (p: number) => unknown): void {
    const { positions } = scope
    if (candidates.kind === 'list') {
      const { list } = candidates
      const member = scope.customers
      for (let i = 0; i < list.length; i++) {
        const p = list[i] ?? 0
        if (member[this.customerOf[p] ?? 0] === 1) visit(p)
      }
      return
    }
    const { bits } = candidates
    if (positions.length < candidates.count) {
      for (let i = 0; i < positions.length; i++) {
        const p = positions[i] ?? 0
        if (hasBit(bits, p)) visit(p)
      }
      return
    }
    const scopeBits = this.scopeBits(scope)
    for (let w = 0; w < bits.length; w++) {
      let x = (bits[w] ?? 0) & (scopeBits[w] ?? 0)
      while (x !== 0) {
        const lowest = x & -x
        x ^= lowest
        visit(w * 32 + 31 - Math.clz32(lowest))
      }
    }
  }

  /** A number per scope (its positions array: cached reseller scopes and per-customer lists are stable). */
  private scopeNumber(positions: Int32Array): number {
    let n = this.scopeNumbers.get(positions)
    if (n === undefined) {
      n = this.nextScopeNumber++
      this.scopeNumbers.set(positions, n)
    }
    return n
  }

  /** Least recently used entries go first once the matches held exceed MATCH_CACHE_BYTES. */
  private remember(key: string, matches: Int32Array): void {
    this.matchCache.set(key, matches)
    this.matchCacheBytes += matches.byteLength
    for (const [oldKey, old] of this.matchCache) {
      if (this.matchCacheBytes <= MATCH_CACHE_BYTES && this.matchCache.size <= MATCH_CACHE_ENTRIES) break
      this.matchCache.delete(oldKey)
      this.matchCacheBytes -= old.byteLength
    }
  }

  query(scope: Scope, { needle, up, searchNotes, offset, limit }: IndexQuery): IndexResult {
    const { positions } = scope
    if (!needle && up === undefined) {
      const page = Array.from(positions.subarray(offset, offset + limit), (p) => this.rowids[p] ?? 0)
      return { total: positions.length, rowids: page, strategy: 'page', verified: 0 }
    }
    // PBX trunks carry status 0 here, so they drop out of both up=true and up=false.
    const wantStatus = up === undefined ? 0 : up ? STATUS_CODE.ON : STATUS_CODE.OFF
    const end = offset + limit
    const rowids: number[] = []
    let total = 0
    let verified = 0
    const hasNeedle = (p: number): boolean => {
      if (!needle) return true
      verified++
      return (this.pub[p] ?? '').includes(needle) || (searchNotes && (this.notes[p] ?? '').includes(needle))
    }
    const take = (p: number): void => {
      if (total >= offset && total < end) rowids.push(this.rowids[p] ?? 0)
      total++
    }

    if (needle && this.pubGrams && this.notesGrams) {
      const fromPub = this.pubGrams.candidates(needle)
      const fromNotes = searchNotes ? this.notesGrams.candidates(needle) : { set: EMPTY, exact: true }
      const candidates = union(fromPub.set, fromNotes.set, this.rowids.length)
      const statusOk = (p: number): boolean => wantStatus === 0 || this.status[p] === wantStatus
      if (fromPub.exact && fromNotes.exact) {
        if (candidates.kind === 'bits' && wantStatus === 0 && positions.length >= candidates.count) {
          // The gram's postings are the answer and there is no status filter: whole words of
          // (gram AND scope) are counted with popcount; only the page's words are walked.
          const scopeBits = this.scopeBits(scope)
          const { bits } = candidates
          for (let w = 0; w < bits.length; w++) {
            let x = (bits[w] ?? 0) & (scopeBits[w] ?? 0)
            if (x === 0) continue
            const count = popcount(x)
            if (total >= end || total + count <= offset) {
              total += count
              continue
            }
            while (x !== 0) {
              const lowest = x & -x
              x ^= lowest
              take(w * 32 + 31 - Math.clz32(lowest))
            }
          }
        } else this.inScope(scope, candidates, (p) => statusOk(p) && take(p))
        return { total, rowids, strategy: 'exact', verified }
      }
      // Verified: the substring tests are the cost (every true match is a candidate that must be
      // tested), so the scope's matches are kept per needle — status is applied afterwards, so
      // the simulator's flips never make them stale, and the texts never change while running.
      // A list polled every few seconds, or paged through, then costs a walk over its matches.
      const key = `${this.scopeNumber(positions)}\u0000${searchNotes ? 'n' : 'p'}${needle}`
      let matches = this.matchCache.get(key)
      if (matches) {
        this.matchCache.delete(key)
        this.matchCache.set(key, matches)
      } else {
        const found: number[] = []
        this.inScope(scope, candidates, (p) => hasNeedle(p) && found.push(p))
        matches = Int32Array.from(found)
        this.remember(key, matches)
      }
      for (let i = 0; i < matches.length; i++) {
        const p = matches[i] ?? 0
        if (statusOk(p)) take(p)
      }
      return { total, rowids, strategy: 'verified', verified }
    }
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] ?? 0
      if ((wantStatus === 0 || this.status[p] === wantStatus) && hasNeedle(p)) take(p)
    }
    return { total, rowids, strategy: 'scan', verified }
  }

  setStatus(rowid: number, status: 'ON' | 'OFF' | null): void {
    const p = this.positionOfRowid.get(rowid)
    if (p !== undefined) this.status[p] = status === null ? 0 : STATUS_CODE[status]
  }
}

const indexes = new WeakMap<Database, SearchIndex>()

/**
 * One index per open database, shared by every store on it (the app and the status simulator).
 * The server calls this before it listens, so no request ever waits for the build.
 */
export function searchIndexFor(db: Database): SearchIndex {
  let index = indexes.get(db)
  if (!index) {
    index = new SearchIndex(db)
    indexes.set(db, index)
  }
  return index
}
