import { describe, expect, test } from 'vitest'
import * as z from 'zod/mini'
import { sipAccessFor } from '../src/api/access-level.ts'
import { PBX_OMITTED_FIELDS, SipAccountFullListSchema, SipAccountListSchema, type SipAccountFull } from '../src/api/sip-account.ts'
import { DEMO_ACCOUNT_IDS, DEMO_CUSTOMER_IDS, DEMO_USERS, type DemoUserKey } from './demo-users.ts'
import { sortKey } from './schema.ts'
import { CONDENSED_FIELDS, FULL_FIELDS } from './sip-shape.ts'
import { createStore } from './store.ts'
import { createTestServer, errorCode } from './test-support.ts'

const api = createTestServer()
const store = createStore(api.db)
const tokens = new Map<DemoUserKey, string>()
const tokenOf = (user: DemoUserKey): string => {
  let token = tokens.get(user)
  if (!token) {
    token = api.tokenFor(user)
    tokens.set(user, token)
  }
  return token
}

const C = DEMO_CUSTOMER_IDS

async function list(user: DemoUserKey, query = '') {
  const response = await api.get(`/sip?${query}`, tokenOf(user))
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return SipAccountListSchema.parse(response.body)
}

async function listFull(user: DemoUserKey, query = '') {
  const response = await api.get(`/sip?full=true&limit=500&${query}`, tokenOf(user))
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return SipAccountFullListSchema.parse(response.body)
}

/** Every page of a query, walked with the given page size. */
async function allPages(user: DemoUserKey, query: string, pageSize: number) {
  const ids: string[] = []
  let total = -1
  for (let offset = 0; total < 0 || offset < total; offset += pageSize) {
    const page = await list(user, `${query}&offset=${offset}&limit=${pageSize}`)
    total = page.total
    ids.push(...page.sipAccounts.map((a) => a._id))
  }
  return { ids, total }
}

const StoredSchema = z.looseObject({
  _id: z.string(),
  customer: z.string(),
  name: z.string(),
  numbers: z.array(z.string()),
  ipAddress: z.optional(z.string()),
  username: z.optional(z.string()),
  notes: z.optional(z.string()),
  pbx: z.number(),
})
/** Ground truth straight from the database, independent of the server's index. */
function storedAccounts(customers: readonly string[]) {
  return api.db
    .prepare('SELECT full_json, status FROM sip_accounts WHERE customer IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(customers))
    .map((row) => {
      const parsed = z.object({ full_json: z.string(), status: z.nullable(z.string()) }).parse(row)
      return { ...StoredSchema.parse(JSON.parse(parsed.full_json)), status: parsed.status }
    })
}

describe('who sees what (default scope, customer, reseller)', () => {
  test('VIEWER, MANAGER, OWNER see their own customer by default, all of it', async () => {
    const expected = storedAccounts([C.demoCustomer]).length
    for (const user of ['viewer', 'manager', 'owner'] as const) {
      const page = await listFull(user)
      expect(page.total).toBe(expected)
      expect(new Set(page.sipAccounts.map((a) => a.customer))).toEqual(new Set([C.demoCustomer]))
    }
  })

  test('a RESELLER’s default scope is its own customer record, seeded with a few accounts', async () => {
    for (const user of ['reseller', 'resellerAdmin'] as const) {
      const page = await listFull(user)
      expect(page.total).toBeGreaterThan(0)
      expect(page.total).toBe(storedAccounts([C.reseller]).length)
    }
    expect((await listFull('admin')).sipAccounts.every((a) => a.customer === C.telecomX)).toBe(true)
  })

  test('PERSONAL and NO_LOGIN get 403 access_denied', async () => {
    for (const user of ['personal', 'noLogin'] as const) {
      const response = await api.get('/sip', tokenOf(user))
      expect([response.status, errorCode(response)]).toEqual([403, 'access_denied'])
      const one = await api.get(`/sip/${DEMO_ACCOUNT_IDS.primaryTrunk}`, tokenOf(user))
      expect([one.status, errorCode(one)]).toEqual([403, 'access_denied'])
    }
  })

  const access: [DemoUserKey, string, number][] = [
    ['viewer', C.demoCustomer, 200],
    ['viewer', C.demoCustomer.toUpperCase(), 200],
    ['viewer', C.foreignCustomer, 403],
    ['viewer', C.subCustomer, 403],
    ['viewer', C.reseller, 403],
    ['owner', C.directCustomer, 403],
    ['reseller', C.demoCustomer, 200],
    ['reseller', C.subCustomer, 200],
    ['reseller', C.subReseller, 200],
    ['reseller', C.foreignCustomer, 403],
    ['reseller', C.directCustomer, 403],
    ['reseller', C.telecomX, 403],
    ['resellerAdmin', C.subCustomer, 200],
    ['resellerAdmin', C.foreignCustomer, 403],
    ['subReseller', C.subCustomer, 200],
    ['subReseller', C.demoCustomer, 403],
    ['subReseller', C.reseller, 403],
    ['subCustomer', C.subCustomer, 200],
    ['subCustomer', C.demoCustomer, 403],
    ['admin', C.foreignCustomer, 200],
    ['admin', C.directCustomer, 200],
    ['admin', C.subCustomer, 200],
  ]
  test.each(access)('%s with customer=%s → %i', async (user, customer, status) => {
    const response = await api.get(`/sip?customer=${customer}&full=true`, tokenOf(user))
    expect(response.status).toBe(status)
    if (status === 403) expect(errorCode(response)).toBe('access_denied')
    else {
      const page = SipAccountFullListSchema.parse(response.body)
      expect(page.total).toBe(storedAccounts([customer.toLowerCase()]).length)
      expect(page.sipAccounts.every((a) => a.customer === customer.toLowerCase())).toBe(true)
    }
  })

  test('an unknown (well-formed) customer is 400 customer for everyone', async () => {
    for (const user of ['viewer', 'reseller', 'admin'] as const) {
      const response = await api.get('/sip?customer=0123456789abcdef01234567', tokenOf(user))
      expect([response.status, errorCode(response)]).toEqual([400, 'customer'])
    }
  })

  test('reseller=R lists the whole subtree: R’s record, its customers, sub-resellers and theirs', async () => {
    const scope = [...store.resellerScope(C.reseller)]
    expect(scope).toEqual(expect.arrayContaining([C.reseller, C.demoCustomer, C.subReseller, C.subCustomer]))
    expect(scope).not.toContain(C.foreignCustomer)
    const expected = storedAccounts(scope)
    for (const user of ['reseller', 'resellerAdmin', 'admin'] as const) {
      const page = await listFull(user, `reseller=${C.reseller}`)
      expect(page.total).toBe(expected.length)
    }
    const sub = await listFull('reseller', `reseller=${C.subReseller}`)
    const subScope = store.resellerScope(C.subReseller)
    const seen = new Set(sub.sipAccounts.map((a) => a.customer))
    expect([...seen].every((id) => subScope.has(id ?? ''))).toBe(true)
    expect(seen).toContain(C.subCustomer)
    expect(seen).toContain(C.subReseller)
    expect(seen).not.toContain(C.demoCustomer)
    expect(sub.total).toBe(storedAccounts([...subScope]).length)
  })

  test('reseller outside one’s subtree is 403; not a reseller or unknown is 400 reseller; customer staff may not use it', async () => {
    const cases: [DemoUserKey, string, number, string][] = [
      ['subReseller', C.reseller, 403, 'access_denied'],
      ['reseller', C.otherReseller, 403, 'access_denied'],
      ['viewer', C.reseller, 403, 'access_denied'],
      ['reseller', C.demoCustomer, 400, 'reseller'],
      ['admin', '0123456789abcdef01234567', 400, 'reseller'],
      ['admin', 'not-an-id', 400, 'reseller'],
    ]
    for (const [user, reseller, status, code] of cases) {
      const response = await api.get(`/sip?reseller=${reseller}`, tokenOf(user))
      expect([response.status, errorCode(response)], `${user} ${reseller}`).toEqual([status, code])
    }
  })

  test('ADMIN’s own customer (the operator) as reseller lists every account; nobody else may use that id as a reseller', async () => {
    const every = api.db.prepare('SELECT count(*) AS n FROM sip_accounts').get()
    const expected = z.object({ n: z.number() }).parse(every).n
    const all = await list('admin', `reseller=${C.telecomX}&limit=1`)
    expect(all.total).toBe(expected)
    expect((await list('admin', `reseller=${C.telecomX.toUpperCase()}&limit=1`)).total).toBe(expected)
    // Every customer is inside it, the foreign and the direct one too.
    const foreign = await listFull('admin', `reseller=${C.telecomX}&customer=${C.foreignCustomer}`)
    expect(foreign.total).toBe(storedAccounts([C.foreignCustomer]).length)
    // The same id from a RESELLER is still not a reseller of its tree; and the cached "everything"
    // never answers another user's reseller scope.
    const reseller = await api.get(`/sip?reseller=${C.telecomX}`, tokenOf('reseller'))
    expect([reseller.status, errorCode(reseller)]).toEqual([400, 'reseller'])
    expect((await list('reseller', `reseller=${C.reseller}&limit=1`)).total).toBe(
      storedAccounts([...store.resellerScope(C.reseller)]).length,
    )
  })

  test('customer and reseller together: the customer must be in the reseller’s subtree', async () => {
    const both = await listFull('reseller', `reseller=${C.reseller}&customer=${C.subCustomer}`)
    expect(both.total).toBe(storedAccounts([C.subCustomer]).length)
    const outside = await api.get(`/sip?reseller=${C.subReseller}&customer=${C.demoCustomer}`, tokenOf('reseller'))
    expect([outside.status, errorCode(outside)]).toEqual([400, 'customer'])
    const foreign = await api.get(`/sip?reseller=${C.reseller}&customer=${C.foreignCustomer}`, tokenOf('reseller'))
    expect([foreign.status, errorCode(foreign)]).toEqual([403, 'access_denied'])
  })
})

describe('parameters', () => {
  const bad: [string, string][] = [
    ['offset=-1', 'offset'],
    ['offset=abc', 'offset'],
    ['offset=1.5', 'offset'],
    ['offset=', 'offset'],
    ['offset=99999999999', 'offset'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=9999', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=-5', 'limit'],
    ['limit=1e2', 'limit'],
    ['limit=10&limit=20', 'limit'],
    ['offset=0&offset=0', 'offset'],
    [`filter=${'x'.repeat(201)}`, 'filter'],
    ['filter=a&filter=b', 'filter'],
    ['full=yes', 'full'],
    ['full=1', 'full'],
    ['full=', 'full'],
    ['up=TRUE', 'up'],
    ['up=true&up=false', 'up'],
    ['customer=123', 'customer'],
    ['customer=zzzzzzzzzzzzzzzzzzzzzzzz', 'customer'],
    [`customer=${C.demoCustomer}&customer=${C.demoCustomer}`, 'customer'],
    ['reseller=%00', 'reseller'],
  ]
  test.each(bad)('%s → 400 %s', async (query, code) => {
    const response = await api.get(`/sip?${query}`, tokenOf('admin'))
    expect([response.status, errorCode(response)]).toEqual([400, code])
  })

  test('defaults and the effective offset/limit are echoed; total ignores paging', async () => {
    const all = await list('viewer')
    expect([all.offset, all.limit]).toEqual([0, 100])
    expect(all.sipAccounts.length).toBe(Math.min(100, all.total))
    const page = await list('viewer', 'offset=7&limit=3')
    expect([page.offset, page.limit, page.total, page.sipAccounts.length]).toEqual([7, 3, all.total, 3])
    expect(page.sipAccounts.map((a) => a._id)).toEqual(all.sipAccounts.slice(7, 10).map((a) => a._id))
    const beyond = await list('viewer', `offset=${all.total + 5}&limit=500`)
    expect([beyond.total, beyond.sipAccounts.length]).toEqual([all.total, 0])
    expect((await list('viewer', 'limit=500')).sipAccounts.length).toBe(Math.min(500, all.total))
    expect((await list('viewer', 'limit=1')).sipAccounts.length).toBe(1)
  })

  test('unknown parameters are ignored', async () => {
    const plain = await list('viewer', 'limit=5')
    const extra = await list('viewer', 'limit=5&expand=true&_=123')
    expect(extra).toEqual(plain)
  })
})

describe('filter', () => {
  /** Case-insensitive substring over name, numbers, ipAddress, username (+ notes if allowed). */
  function oracle(customers: readonly string[], needle: string, notes: boolean): Set<string> {
    const n = needle.trim().toLowerCase()
    return new Set(
      storedAccounts(customers)
        .filter((a) => {
          const fields = [a.name, ...a.numbers, a.ipAddress ?? '', a.username ?? '', notes ? (a.notes ?? '') : '']
          return fields.some((f) => f.toLowerCase().includes(n))
        })
        .map((a) => a._id),
    )
  }

  const needles = [
    '80808080',
    '+4580808080',
    '77.66.100',
    'KØBENHAVN',
    'københavn',
    'kø',
    'ø',
    'a',
    '5',
    'primær',
    'jens',
    '<img',
    'firewall',
    'zzzz-none',
    ' Lager ',
    '"',
    "'",
    '%',
    '_',
    '\\',
    'ærø østerbro',
  ]
  test.each(needles)('filter %j matches exactly what a brute-force search over the DB finds', async (needle) => {
    for (const user of ['viewer', 'reseller'] as const) {
      const notes = sipAccessFor(DEMO_USERS[user].accessLevel).notes
      const expected = oracle([C.demoCustomer], needle, notes)
      const { ids, total } = await allPages(user, `customer=${C.demoCustomer}&filter=${encodeURIComponent(needle)}`, 500)
      expect(total, `${user} ${needle}`).toBe(expected.size)
      expect(new Set(ids)).toEqual(expected)
    }
  })

  test('"80808080" finds +4580808080 and "77.66.100" finds IPs', async () => {
    const byNumber = await list('viewer', 'filter=80808080')
    expect(byNumber.sipAccounts.map((a) => a._id)).toContain(DEMO_ACCOUNT_IDS.primaryTrunk)
    const byIp = await list('viewer', 'filter=77.66.100')
    expect(byIp.total).toBeGreaterThan(0)
    expect(byIp.sipAccounts.some((a) => a.ipAddress?.startsWith('77.66.100'))).toBe(true)
  })

  test('a VIEWER cannot probe notes by searching; a RESELLER can search them', async () => {
    const word = 'primær trunk'
    expect((await list('viewer', `filter=${encodeURIComponent(word)}`)).total).toBe(0)
    const reseller = await list('reseller', `customer=${C.demoCustomer}&filter=${encodeURIComponent(word)}`)
    expect(reseller.sipAccounts.map((a) => a._id)).toEqual([DEMO_ACCOUNT_IDS.primaryTrunk])
  })

  test('200 characters is allowed, surrounding spaces are ignored, empty means no filter', async () => {
    expect((await list('viewer', `filter=${'x'.repeat(200)}`)).total).toBe(0)
    const all = await list('viewer')
    expect((await list('viewer', 'filter=')).total).toBe(all.total)
    expect((await list('viewer', 'filter=%20%20')).total).toBe(all.total)
  })

  test('filter works across a reseller scope and combines with up', async () => {
    const scope = [...store.resellerScope(C.reseller)]
    const expected = [...oracle(scope, '77.66.100', true)].filter((id) => storedAccounts(scope).find((a) => a._id === id)?.status === 'OFF')
    const { ids } = await allPages('reseller', `reseller=${C.reseller}&filter=77.66.100&up=false`, 500)
    expect(new Set(ids)).toEqual(new Set(expected))
  })
})

describe('up', () => {
  test('up=true only ON, up=false only OFF, PBX trunks in neither; absent = all', async () => {
    const everything = await listFull('viewer')
    const on = await listFull('viewer', 'up=true')
    const off = await listFull('viewer', 'up=false')
    expect(on.sipAccounts.every((a) => a.status === 'ON')).toBe(true)
    expect(off.sipAccounts.every((a) => a.status === 'OFF')).toBe(true)
    const pbx = everything.sipAccounts.filter((a) => (a.pbx ?? 0) > 0).length
    expect(pbx).toBeGreaterThan(0)
    expect(on.total + off.total + pbx).toBe(everything.total)
    expect(on.total).toBeGreaterThan(0)
    expect(off.total).toBeGreaterThan(0)
  })

  test('a status change (simulator) shows up in the up filter at once', async () => {
    const local = createTestServer()
    const token = local.tokenFor('viewer')
    const before = SipAccountListSchema.parse((await local.get('/sip?up=true&limit=500', token)).body)
    createStore(local.db).setStatus(DEMO_ACCOUNT_IDS.primaryTrunk, 'OFF')
    const after = SipAccountListSchema.parse((await local.get('/sip?up=true&limit=500', token)).body)
    expect(after.total).toBe(before.total - 1)
    const one = await local.get(`/sip/${DEMO_ACCOUNT_IDS.primaryTrunk}`, token)
    expect(one.body).toMatchObject({ status: 'OFF' })
  })
})

describe('order', () => {
  test('name (case-insensitive, Danish æ ø å after z), then _id; pages never overlap or skip', async () => {
    const full = await listFull('reseller', `reseller=${C.reseller}`)
    const { ids, total } = await allPages('reseller', `reseller=${C.reseller}`, 37)
    expect(ids.length).toBe(total)
    expect(new Set(ids).size).toBe(total)
    const expected = storedAccounts([...store.resellerScope(C.reseller)])
      .map((a) => ({ id: a._id, key: sortKey(a.name) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
      .map((a) => a.id)
    expect(ids).toEqual(expected)
    expect(full.sipAccounts.map((a) => a._id)).toEqual(expected.slice(0, 500))
  })

  test('the sort key folds case and puts æ, ø, å after z in that order', () => {
    const names = ['Århus', 'zebra', 'Ærø', 'Østerbro', 'alpha', 'Odense', 'ÆBLE']
    expect([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual([
      'alpha',
      'Odense',
      'zebra',
      'ÆBLE',
      'Ærø',
      'Østerbro',
      'Århus',
    ])
  })
})

describe('objects', () => {
  const documentedFull: readonly string[] = FULL_FIELDS
  const documentedCondensed: readonly string[] = CONDENSED_FIELDS

  test('condensed objects carry only the condensed table’s fields (+ defaultNumber), no nulls, 12 months of voiceUsage', async () => {
    const page = await list('admin', `customer=${C.demoCustomer}&limit=500`)
    for (const account of page.sipAccounts) {
      for (const [key, value] of Object.entries(account)) {
        expect(documentedCondensed, key).toContain(key)
        expect(value, key).not.toBeNull()
        expect(value, key).not.toBe('')
      }
      expect(account.voiceUsage).toHaveLength(12)
      expect(account.voiceUsage?.[0]).toEqual({
        date: expect.stringMatching(/^\d{4}-\d{2}-01T00:00:00\.000Z$/),
        secsOutHomeland: expect.any(Number),
      })
      expect('notes' in account || 'sipServer' in account || 'password' in account).toBe(false)
    }
    const primary = page.sipAccounts.find((a) => a._id === DEMO_ACCOUNT_IDS.primaryTrunk)
    expect(Object.keys(primary ?? {})).toEqual([
      '_id',
      'active',
      'name',
      'numbers',
      'ratePlan',
      'ratePlanName',
      'status',
      'connection',
      'username',
      'ipAddress',
      'failover',
      'alwaysFailover',
      'usageBlock',
      'pbx',
      'voiceUsage',
      'defaultNumber',
    ])
  })

  test('full objects carry only the full table’s fields, no nulls; a normal trunk has the connection fields', async () => {
    const page = await listFull('admin', `customer=${C.demoCustomer}`)
    for (const account of page.sipAccounts) {
      for (const [key, value] of Object.entries(account)) {
        expect(documentedFull, key).toContain(key)
        expect(value, key).not.toBeNull()
      }
    }
    const primary = page.sipAccounts.find((a) => a._id === DEMO_ACCOUNT_IDS.primaryTrunk)
    for (const key of [
      'customer',
      'type',
      'highRate',
      'international',
      'address',
      'notes',
      'status',
      'sipServer',
      'contact',
      'connection',
      'username',
      'password',
      'ipAddress',
      'clipSA',
      'failover',
      'invoicedUntil',
      'defaultNumber',
      'alwaysDefaultNumber',
      'alwaysSecretNumber',
    ]) {
      expect(primary, key).toHaveProperty(key)
    }
    expect(primary).not.toHaveProperty('voiceUsage')
  })

  test('PBX trunks omit every documented connection field, condensed and full', async () => {
    const full = (await listFull('admin', `customer=${C.demoCustomer}`)).sipAccounts.filter((a) => (a.pbx ?? 0) > 0)
    const condensed = (await list('admin', `customer=${C.demoCustomer}&limit=500`)).sipAccounts.filter((a) => (a.pbx ?? 0) > 0)
    expect(full.length).toBeGreaterThan(0)
    for (const account of [...full, ...condensed]) {
      for (const field of PBX_OMITTED_FIELDS) expect(account, field).not.toHaveProperty(field)
    }
  })

  test('notes only for RESELLER, RESELLER_ADMIN, ADMIN; sipServer only for ADMIN', async () => {
    const visible = async (user: DemoUserKey): Promise<SipAccountFull | undefined> =>
      (await listFull(user, `customer=${C.demoCustomer}&filter=80808080`)).sipAccounts[0]
    for (const user of ['viewer', 'manager', 'owner', 'reseller', 'resellerAdmin', 'admin'] as const) {
      const account = await visible(user)
      const access = sipAccessFor(DEMO_USERS[user].accessLevel)
      expect('notes' in (account ?? {}), user).toBe(access.notes)
      expect('sipServer' in (account ?? {}), user).toBe(access.sipServer)
      expect(account?.password, user).toBeTruthy()
    }
    expect(sipAccessFor('RESELLER').notes && !sipAccessFor('RESELLER').sipServer).toBe(true)
  })
})
