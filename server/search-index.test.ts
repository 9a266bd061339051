import fc from 'fast-check'
import { expect, test } from 'vitest'
import { createMemoryDatabase } from './database.ts'
import { DEMO_CUSTOMER_IDS } from './demo-users.ts'
import { TEST_SCRYPT } from './passwords.ts'
import { SearchIndex } from './search-index.ts'
import { createStore } from './store.ts'

const db = createMemoryDatabase({ accounts: 600, scrypt: TEST_SCRYPT })
const scanOnly = new SearchIndex(db, { ngramThreshold: Number.POSITIVE_INFINITY })
// With 600 accounts a gram in more than 18 of them is a bitset, so both posting forms are used.
const withNgrams = new SearchIndex(db, { ngramThreshold: 0 })
const store = createStore(db)
const scopes = [
  [DEMO_CUSTOMER_IDS.demoCustomer],
  [DEMO_CUSTOMER_IDS.foreignCustomer],
  [...store.resellerScope(DEMO_CUSTOMER_IDS.reseller)],
  [...store.resellerScope(DEMO_CUSTOMER_IDS.otherReseller)],
]
// Substrings of real search texts, so most needles match something.
const texts = db
  .prepare('SELECT search_pub || char(31) || search_notes AS t FROM sip_accounts LIMIT 200')
  .pluck()
  .all()
  .filter((t) => typeof t === 'string')

// Every UTF-16 unit of those texts (the markup, RTL and emoji trunks bring more than the 63 that
// get their own code), plus a few that occur nowhere.
const units = [...new Set(texts.join('').split(''))].filter((u) => u !== '\u001f')

function property(needle: fc.Arbitrary<string>, strategies: Set<string>) {
  return fc.property(
    fc.constantFrom(...scopes.keys()),
    needle,
    fc.constantFrom(undefined, true, false),
    fc.boolean(),
    fc.nat({ max: 50 }),
    fc.integer({ min: 1, max: 40 }),
    (scopeIndex, n, up, searchNotes, offset, limit) => {
      const customers = scopes[scopeIndex] ?? []
      const query = { needle: n.includes('\u001f') ? '' : n, up, searchNotes, offset, limit }
      const a = scanOnly.query(scanOnly.scope(customers), query)
      const b = withNgrams.query(withNgrams.scope(customers), query)
      strategies.add(b.strategy)
      expect({ total: b.total, rowids: b.rowids }).toEqual({ total: a.total, rowids: a.rowids })
    },
  )
}

test('the n-gram path and the scan path give identical results (total, page, order) for random queries', () => {
  const needle = fc.oneof(
    fc
      .tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 12 }))
      .map(([t, start, length]) => t.slice(start % t.length, (start % t.length) + length)),
    fc.string({ maxLength: 6 }).map((s) => s.toLowerCase()),
  )
  const strategies = new Set<string>()
  fc.assert(property(needle, strategies), { numRuns: 1500 })
  // Every path was really exercised.
  expect(strategies).toContain('exact')
  expect(strategies).toContain('verified')
  expect(strategies).toContain('page')
})

test('filters of 1-3 characters, common or rare, are answered from the postings alone and match the scan', () => {
  const needle = fc.oneof(
    fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 3 }).map((u) => u.join('')),
    fc.array(fc.constantFrom(...units, '{', '|', 'é', '\u{1F680}', 'q'), { minLength: 1, maxLength: 2 }).map((u) => u.join('')),
  )
  const strategies = new Set<string>()
  fc.assert(property(needle, strategies), { numRuns: 2000 })
  expect(strategies).toContain('exact')
  // Units outside the index's alphabet share one code, so those needles are verified instead.
  expect(strategies).toContain('verified')
  expect(units.length).toBeGreaterThan(63)
})

test('a common one-character filter counts every match exactly across a large scope', () => {
  const reseller = scopes[2] ?? []
  for (const needle of ['a', 'e', '4', '.', ' ', 'ø']) {
    for (const searchNotes of [false, true]) {
      const query = { needle, searchNotes, offset: 0, limit: 5 }
      const b = withNgrams.query(withNgrams.scope(reseller), query)
      const a = scanOnly.query(scanOnly.scope(reseller), query)
      expect(b.strategy).toBe('exact')
      expect({ total: b.total, rowids: b.rowids }, needle).toEqual({ total: a.total, rowids: a.rowids })
      expect(a.total, needle).toBeGreaterThan(5)
    }
  }
})

test('a common exact gram counts whole words of a large scope and still pages exactly at every offset', () => {
  const reseller = scopes[2] ?? []
  for (const needle of ['a', 'e', '4', '.']) {
    const whole = scanOnly.query(scanOnly.scope(reseller), { needle, searchNotes: true, offset: 0, limit: 1000 })
    for (let offset = 0; offset <= whole.total; offset += 7) {
      const query = { needle, searchNotes: true, offset, limit: 9 }
      const b = withNgrams.query(withNgrams.scope(reseller), query)
      expect(b.strategy).toBe('exact')
      expect({ total: b.total, rowids: b.rowids }, `${needle}@${offset}`).toEqual({
        total: whole.total,
        rowids: whole.rowids.slice(offset, offset + 9),
      })
    }
  }
})

test('a longer filter over a large scope tests only the candidates inside the scope, once: a repeat (another page, status, after flips) needs no substring test and equals the scan', () => {
  const index = new SearchIndex(db, { ngramThreshold: 0 })
  const reseller = scopes[2] ?? []
  const scope = index.scope(reseller, 'reseller')
  const needles = ['.10', '+45', 'kontor', 'trunk', '77.66', '45 ', 'pbx', 'hovedtrunk', 'ø', 'en']
  const longer = texts.flatMap((t) => [t.slice(0, 5), t.slice(3, 9)]).filter((n) => n.length >= 4 && !n.includes('\u001f'))
  let verifiedQueries = 0
  for (const needle of [...needles, ...longer.slice(0, 40)]) {
    const first = index.query(scope, { needle, searchNotes: true, offset: 0, limit: 10 })
    const scan = scanOnly.query(scanOnly.scope(reseller), { needle, searchNotes: true, offset: 0, limit: 10 })
    expect({ total: first.total, rowids: first.rowids }).toEqual({ total: scan.total, rowids: scan.rowids })
    if (first.strategy !== 'verified') continue
    verifiedQueries++
    // The plain scan tests every account of the scope; the index only the scope's candidates.
    expect(first.verified, needle).toBeLessThanOrEqual(scan.verified)
    expect(first.verified, needle).toBeLessThanOrEqual(reseller.length === 0 ? 0 : scope.positions.length)
    for (const [offset, up] of [
      [3, undefined],
      [0, true],
      [0, false],
      [20, true],
    ] as const) {
      const again = index.query(scope, { needle, searchNotes: true, offset, limit: 10, up })
      const expected = scanOnly.query(scanOnly.scope(reseller), { needle, searchNotes: true, offset, limit: 10, up })
      expect(again.verified, needle).toBe(0)
      expect({ total: again.total, rowids: again.rowids }, `${needle} ${offset} ${String(up)}`).toEqual({
        total: expected.total,
        rowids: expected.rowids,
      })
    }
  }
  expect(verifiedQueries).toBeGreaterThan(10)
})

test('kept matches never go stale: status flips are seen by a repeated verified filter', () => {
  const flipDb = createMemoryDatabase({ accounts: 600, scrypt: TEST_SCRYPT })
  const index = new SearchIndex(flipDb, { ngramThreshold: 0 })
  const plain = new SearchIndex(flipDb, { ngramThreshold: Number.POSITIVE_INFINITY })
  const flipStore = createStore(flipDb)
  const reseller = [...flipStore.resellerScope(DEMO_CUSTOMER_IDS.reseller)]
  const query = { needle: 'trunk', searchNotes: false, offset: 0, limit: 500, up: true }
  const before = index.query(index.scope(reseller, 'r'), query)
  expect(before.strategy).toBe('verified')
  const ids = flipDb.prepare('SELECT rowid AS r, id, status FROM sip_accounts WHERE pbx = 0 AND status IS NOT NULL LIMIT 200').all()
  for (const row of ids) {
    if (typeof row !== 'object' || row === null || !('r' in row) || !('status' in row) || typeof row.r !== 'number') continue
    const next = row.status === 'ON' ? 'OFF' : 'ON'
    flipDb.prepare('UPDATE sip_accounts SET status = ? WHERE rowid = ?').run(next, row.r)
    index.setStatus(row.r, next)
    plain.setStatus(row.r, next)
  }
  const after = index.query(index.scope(reseller, 'r'), query)
  const expected = plain.query(plain.scope(reseller), query)
  expect(after.verified).toBe(0)
  expect({ total: after.total, rowids: after.rowids }).toEqual({ total: expected.total, rowids: expected.rowids })
  expect(after.total).not.toBe(before.total)
})
