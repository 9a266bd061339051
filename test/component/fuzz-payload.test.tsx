import fc from 'fast-check'
import { http, HttpResponse } from 'msw'
import { afterAll, expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { consoleErrors, fuzzBatches, renderSettled, sessionFor, type Outcome } from './fuzz-support.tsx'

/*
 * Random damage to a valid GET /sip answer (fields dropped, types changed, nulls, huge strings,
 * extra fields, odd numbers, whole accounts replaced): the page ends in rows, an empty state or a
 * clear error alert — never an exception escaping React (the error boundary), never a console.error.
 * Reproduce a failure with the seed fast-check prints:
 * FUZZ_SEED=<seed> npx vitest run --project dom test/component/fuzz-payload.test.tsx
 */

/**
 * Cases per run. `npm test` runs a quick 30, in batches of 5 with a new random seed each (each case
 * renders the whole app in jsdom, ~0.1–0.3 s); `npm run fuzz` runs 300 (docs/testing.md, "Fuzz tests").
 */
export const PAYLOAD_FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 30)

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 240_000 })

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
type Container = JsonValue[] | { [key: string]: JsonValue }
type Path = Array<string | number>

function isContainer(value: JsonValue | undefined): value is Container {
  return typeof value === 'object' && value !== null
}

/** Every path in the payload, root included (so a mutation can hit any value at any depth). */
function pathsOf(value: JsonValue, at: Path = []): Path[] {
  const paths: Path[] = [at]
  if (Array.isArray(value)) value.forEach((child, index) => paths.push(...pathsOf(child, [...at, index])))
  else if (isContainer(value)) for (const [key, child] of Object.entries(value)) paths.push(...pathsOf(child, [...at, key]))
  return paths
}

function get(root: JsonValue, path: Path): JsonValue | undefined {
  let node: JsonValue | undefined = root
  for (const step of path) {
    if (!isContainer(node)) return undefined
    node = Array.isArray(node) ? node[Number(step)] : node[String(step)]
  }
  return node
}

function set(root: JsonValue, path: Path, value: JsonValue | undefined): JsonValue {
  if (path.length === 0) return value ?? null
  const parent = get(root, path.slice(0, -1))
  const last = path.at(-1) ?? ''
  if (!isContainer(parent)) return root
  if (Array.isArray(parent)) {
    if (value === undefined) parent.splice(Number(last), 1)
    else parent[Number(last)] = value
  } else if (value === undefined) delete parent[String(last)]
  else parent[String(last)] = value
  return root
}

/** Another value of a different kind than the one it replaces. */
function retype(value: JsonValue | undefined, random: JsonValue): JsonValue {
  if (typeof value === 'string') return value.length
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 0
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]))
  if (isContainer(value)) return Object.values(value)
  return random
}

// 'duplicate': the same account twice in one page (found by this test: duplicate React keys; the list now shows it once).
const OPS = ['drop', 'null', 'retype', 'random', 'huge-string', 'extra-field', 'odd-number', 'odd-paging', 'duplicate', 'empty'] as const
type Op = (typeof OPS)[number]

interface Mutation {
  op: Op
  target: number
  value: JsonValue
  key: string
  number: number
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...OPS),
  target: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
  key: fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'password', 'notes', 'sipServer', 'total', '_id'),
    fc.string({ maxLength: 10 }),
  ),
  number: fc.constantFrom(-1, -0.5, 0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 1e21, 3.14159),
})

function mutate(payload: JsonValue, { op, target, value, key, number }: Mutation): JsonValue {
  const paths = pathsOf(payload)
  const path = paths[target % paths.length] ?? []
  const current = get(payload, path)
  switch (op) {
    case 'drop':
      return path.length === 0 ? payload : set(payload, path, undefined)
    case 'null':
      return set(payload, path, null)
    case 'retype':
      return set(payload, path, retype(current, value))
    case 'random':
      return set(payload, path, value)
    case 'huge-string':
      return set(payload, path, `${typeof current === 'string' ? current : 'x'}${'Ø🚀<b>'.repeat(20_000)}`)
    case 'extra-field': {
      const host = isContainer(current) && !Array.isArray(current) ? current : get(payload, path.slice(0, -1))
      // JSON.parse would make "__proto__" an own property; so does defineProperty.
      if (isContainer(host) && !Array.isArray(host))
        Object.defineProperty(host, key, { value, enumerable: true, configurable: true, writable: true })
      return payload
    }
    case 'odd-number':
      return set(payload, path, number)
    case 'odd-paging':
      // Still the right types, but numbers no real page has: negative, fractional, astronomical.
      return set(payload, [['offset', 'limit', 'total'][target % 3] ?? 'total'], number)
    case 'duplicate': {
      const accounts = get(payload, ['sipAccounts'])
      if (Array.isArray(accounts) && accounts.length > 0) accounts.push(structuredClone(accounts[target % accounts.length] ?? null))
      return payload
    }
    case 'empty':
      return set(payload, path, Array.isArray(current) ? [] : isContainer(current) ? {} : '')
  }
}

const outcomes: Record<Outcome, number> = { rows: 0, empty: 0, alert: 0 }

test.for(fuzzBatches(PAYLOAD_FUZZ_RUNS))(
  'random mutations of a valid GET /sip answer, $label: rows, an empty state or a clear error; never a crash or console.error',
  async ({ seed, numRuns }) => {
    const session = sessionFor(api, 'owner')
    const response = await api.app.fetch(
      new Request('http://reference.test/sip?limit=25', { headers: { Authorization: `Bearer ${session.token}` } }),
    )
    const valid = (await response.json()) as JsonValue

    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const payload = mutations.reduce<JsonValue>((body, m) => mutate(body, m), structuredClone(valid))
        const body = JSON.stringify(payload)
        // Every list request (the page and its prefetched neighbour) gets the damaged answer.
        api.server.use(http.get('*/api/sip', () => new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } })))
        const errorsBefore = consoleErrors()
        try {
          const { outcome } = await renderSettled('/?limit=25', session)
          outcomes[outcome] += 1
        } finally {
          api.server.resetHandlers()
        }
        expect(consoleErrors() - errorsBefore, `console.error for ${body.slice(0, 300)}`).toBe(0)
      }),
      { numRuns, seed, endOnFailure: true },
    )
  },
)

// Over all the batches, both kinds of ending are reached.
afterAll(() => {
  expect(outcomes.rows).toBeGreaterThan(0)
  expect(outcomes.alert).toBeGreaterThan(0)
  console.info(`fuzz-payload: ${outcomes.rows + outcomes.empty + outcomes.alert} cases`, outcomes)
})
