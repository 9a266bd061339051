import fc from 'fast-check'
import { expect, test } from 'vitest'
import { createMemoryDatabase } from './database.ts'
import { DEMO_CUSTOMER_IDS } from './demo-users.ts'
import { TEST_SCRYPT } from './passwords.ts'
import { SearchIndex } from './search-index.ts'
import { createStore } from './store.ts'

const db = createMemoryDatabase({ accounts: 600, scrypt: TEST_SCRYPT })
const scanOnly = new SearchIndex(db, { trigramThreshold: Number.POSITIVE_INFINITY })
const withTrigrams = new SearchIndex(db, { trigramThreshold: 0 })
const store = createStore(db)
const scopes = [
  [DEMO_CUSTOMER_IDS.demoCustomer],
  [DEMO_CUSTOMER_IDS.foreignCustomer],
  [...store.resellerScope(DEMO_CUSTOMER_IDS.reseller)],
  [...store.resellerScope(DEMO_CUSTOMER_IDS.otherReseller)],
]
// Substrings of real search texts, so most needles match something.
const texts = db.prepare('SELECT search_pub || char(31) || search_notes AS t FROM sip_accounts LIMIT 200').pluck().all().filter((t) => typeof t === 'string')

test('the trigram path and the scan path give identical results (total, page, order) for random queries', () => {
  const needle = fc.oneof(
    fc.tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 12 })).map(([t, start, length]) => t.slice(start % t.length, (start % t.length) + length)),
    fc.string({ maxLength: 6 }).map((s) => s.toLowerCase()),
  )
  const strategies = new Set<string>()
  fc.assert(
    fc.property(
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
        const b = withTrigrams.query(withTrigrams.scope(customers), query)
        strategies.add(b.strategy)
        expect({ total: b.total, rowids: b.rowids }).toEqual({ total: a.total, rowids: a.rowids })
      },
    ),
    { numRuns: 1500 },
  )
  // Both paths were really exercised.
  expect(strategies).toContain('trigram')
  expect(strategies).toContain('scan')
})
