import fc from 'fast-check'
import { afterAll, expect, test, vi } from 'vitest'
import { DEMO_ACCOUNT_IDS, DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { consoleErrors, fuzzBatches, renderSettled, sessionFor, type Outcome } from './fuzz-support.tsx'

/*
 * Random query strings, loaded into the whole app against the reference server: whatever the
 * address says, the page ends in rows, an empty state or an alert that explains — never the error
 * boundary, never a console.error. Reproduce a failure with the seed fast-check prints:
 * FUZZ_SEED=<seed> npx vitest run --project dom test/component/fuzz-url.test.tsx
 */

/**
 * Cases per run. `npm test` runs a quick 30, in batches of 5 with a new random seed each (each case
 * renders the whole app in jsdom, ~0.2–0.5 s); `npm run fuzz` runs 300 (docs/testing.md, "Fuzz tests").
 */
export const URL_FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 30)

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 240_000 })

const ids = [...Object.values(DEMO_CUSTOMER_IDS), ...Object.values(DEMO_ACCOUNT_IDS)]
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('filter', 'up', 'offset', 'limit', 'customer', 'reseller', 'account') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'full', 'token', '', ' limit', 'LIMIT'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
)
const value = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'true',
    'false',
    'TRUE',
    '1',
    '0',
    '-0',
    '-1',
    '+5',
    '25',
    '100',
    '250',
    '500',
    '501',
    '1e3',
    '0x10',
    'NaN',
    'Infinity',
  ),
  fc.constantFrom('99999999999999999999999999', '9007199254740993', '1e400', '4294967296', '999999999', '1000000000'),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.constantFrom(...ids),
  fc.constantFrom(...ids).map((id) => id.toUpperCase()),
  fc.stringMatching(/^[0-9a-f]{24}$/),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', 'مكتب 📞', '\u202Eevil', '%', '%zz', '%E0%A4%A', '&&', '==', '#', '?'),
  fc.string({ minLength: 190, maxLength: 400 }),
)
const pairs = fc.array(fc.tuple(key, value), { maxLength: 8 })
/** Encoded properly, or glued together raw (stray %, &, =, # and all). */
const query = fc.oneof(
  pairs.map((p) => `?${new URLSearchParams(p).toString()}`),
  pairs.map((p) => `?${p.map(([k, v]) => `${k}=${v}`).join('&')}`),
  fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `?${s}`),
)
const who = fc.constantFrom('admin', 'reseller', 'viewer', 'owner')

const outcomes: Record<Outcome | 'drawer', number> = { rows: 0, empty: 0, alert: 0, drawer: 0 }

test.for(fuzzBatches(URL_FUZZ_RUNS))(
  'random query strings, $label: rows, an empty state or an explaining alert; never a crash or console.error',
  async ({ seed, numRuns }) => {
    const sessions = {
      admin: sessionFor(api, 'admin'),
      reseller: sessionFor(api, 'reseller'),
      viewer: sessionFor(api, 'viewer'),
      owner: sessionFor(api, 'owner'),
    }
    await fc.assert(
      fc.asyncProperty(query, who, async (search, user) => {
        const errorsBefore = consoleErrors()
        const { outcome, drawer } = await renderSettled(`/${search}`, sessions[user])
        outcomes[outcome] += 1
        if (drawer) outcomes.drawer += 1
        expect(consoleErrors() - errorsBefore, `console.error for ${search}`).toBe(0)
      }),
      { numRuns, seed, endOnFailure: true },
    )
  },
)

// Over all the batches, the generator reaches every kind of ending (otherwise it would be testing one
// path only). Alerts (~3 %) and open drawers (~6 %) are rare endings, so that is checked on the deep
// run (npm run fuzz, 300 cases), where missing them means the generator broke; 30 cases miss them by chance.
afterAll(() => {
  const cases = outcomes.rows + outcomes.empty + outcomes.alert
  expect(outcomes.rows).toBeGreaterThan(cases / 4)
  if (cases >= 200) {
    expect(outcomes.alert).toBeGreaterThan(0)
    expect(outcomes.drawer).toBeGreaterThan(0)
  }
  console.info(`fuzz-url: ${cases} cases`, outcomes)
})
