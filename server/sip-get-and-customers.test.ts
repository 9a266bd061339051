import { describe, expect, test } from 'vitest'
import { CustomerListSchema, CustomerNameSchema, ResellerListSchema } from '../src/api/customer.ts'
import { PBX_OMITTED_FIELDS, SipAccountFullSchema } from '../src/api/sip-account.ts'
import { DEMO_ACCOUNT_IDS, DEMO_CUSTOMER_IDS, type DemoUserKey } from './demo-users.ts'
import { FULL_FIELDS } from './sip-shape.ts'
import { createTestServer, errorCode } from './test-support.ts'

const api = createTestServer()
const C = DEMO_CUSTOMER_IDS
const A = DEMO_ACCOUNT_IDS

describe('GET /sip/:id', () => {
  const cases: [DemoUserKey, string, number][] = [
    ['viewer', A.primaryTrunk, 200],
    ['viewer', A.primaryTrunk.toUpperCase(), 200],
    ['viewer', A.foreignTrunk, 403],
    ['viewer', A.subCustomerTrunk, 403],
    ['reseller', A.subCustomerTrunk, 200],
    ['reseller', A.foreignTrunk, 403],
    ['subReseller', A.subCustomerTrunk, 200],
    ['subReseller', A.primaryTrunk, 403],
    ['admin', A.foreignTrunk, 200],
    ['personal', A.primaryTrunk, 403],
  ]
  test.each(cases)('%s opening %s → %i', async (user, id, status) => {
    const response = await api.get(`/sip/${id}`, api.tokenFor(user))
    expect(response.status).toBe(status)
    if (status === 200) expect(SipAccountFullSchema.parse(response.body)._id).toBe(id.toLowerCase())
    else expect(errorCode(response)).toBe('access_denied')
  })

  test('returns the full object with the same field rules as full=true', async () => {
    const viewer = SipAccountFullSchema.parse((await api.get(`/sip/${A.primaryTrunk}`, api.tokenFor('viewer'))).body)
    const allowed: readonly string[] = FULL_FIELDS
    expect(Object.keys(viewer).every((key) => allowed.includes(key))).toBe(true)
    expect(viewer).not.toHaveProperty('notes')
    expect(viewer).not.toHaveProperty('sipServer')
    expect(viewer.numbers).toContain('+4580808080')
    const admin = SipAccountFullSchema.parse((await api.get(`/sip/${A.primaryTrunk}`, api.tokenFor('admin'))).body)
    expect(admin.notes).toBeTruthy()
    expect(admin.sipServer).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    const pbx = SipAccountFullSchema.parse((await api.get(`/sip/${A.pbxTrunk}`, api.tokenFor('admin'))).body)
    expect(pbx.pbx).toBeGreaterThan(0)
    for (const field of PBX_OMITTED_FIELDS) expect(pbx).not.toHaveProperty(field)
  })

  test('unknown id → 404 not_found; malformed → 400 id; no token → 401', async () => {
    const token = api.tokenFor('admin')
    const unknown = await api.get('/sip/0123456789abcdef01234567', token)
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'not_found'])
    for (const id of ['123', 'zzzzzzzzzzzzzzzzzzzzzzzz', '%00', `${A.primaryTrunk}0`]) {
      const bad = await api.get(`/sip/${id}`, token)
      expect([bad.status, errorCode(bad)], id).toEqual([400, 'id'])
    }
    expect((await api.get(`/sip/${A.primaryTrunk}`)).status).toBe(401)
  })

  test('markup in names and notes comes back as plain JSON text, unchanged', async () => {
    const markup = SipAccountFullSchema.parse((await api.get(`/sip/${A.markupTrunk}`, api.tokenFor('admin'))).body)
    expect(markup.name).toBe('<img src=x onerror=alert(1)>')
    expect(markup.notes).toContain('<script>')
    expect(markup.custom).toMatchObject({ html: expect.stringContaining('<b') })
    const long = SipAccountFullSchema.parse((await api.get(`/sip/${A.longNameTrunk}`, api.tokenFor('viewer'))).body)
    expect(long.name?.length).toBe(10_000)
  })
})

describe('GET /customer', () => {
  test('RESELLER: its own customers (sub-resellers’ with includeSubresellers=true); ADMIN: all', async () => {
    const reseller = CustomerListSchema.parse((await api.get('/customer?limit=500', api.tokenFor('reseller'))).body)
    const ids = reseller.customers.map((c) => c._id)
    expect(ids).toContain(C.demoCustomer)
    expect(ids).toContain(C.subReseller)
    expect(ids).not.toContain(C.subCustomer)
    expect(ids).not.toContain(C.foreignCustomer)
    expect(reseller.customers.every((c) => c.parentReseller === C.reseller)).toBe(true)

    const withSubs = CustomerListSchema.parse(
      (await api.get('/customer?limit=500&includeSubresellers=true', api.tokenFor('reseller'))).body,
    )
    expect(withSubs.customers.map((c) => c._id)).toContain(C.subCustomer)
    expect(withSubs.total).toBeGreaterThan(reseller.total)

    const admin = CustomerListSchema.parse((await api.get('/customer?limit=500', api.tokenFor('admin'))).body)
    const count = api.db.prepare('SELECT count(*) AS n FROM customers').get()
    expect(count).toEqual({ n: admin.total })
  })

  test('filter by name is case-insensitive (æøå too), paging works, bad params 400', async () => {
    const token = api.tokenFor('admin')
    const found = CustomerListSchema.parse((await api.get(`/customer?filter=${encodeURIComponent('TØMRER & SNEDKER')}`, token)).body)
    expect(found.customers.map((c) => c._id)).toEqual([C.demoCustomer])
    const page = CustomerListSchema.parse((await api.get('/customer?offset=2&limit=3', token)).body)
    const all = CustomerListSchema.parse((await api.get('/customer?limit=500', token)).body)
    expect(page.customers).toEqual(all.customers.slice(2, 5))
    for (const [query, code] of [
      ['limit=0', 'limit'],
      ['offset=-1', 'offset'],
      ['includeSubresellers=1', 'includeSubresellers'],
      [`filter=${'x'.repeat(201)}`, 'filter'],
    ]) {
      const response = await api.get(`/customer?${query}`, token)
      expect([response.status, errorCode(response)]).toEqual([400, code])
    }
  })

  test('filter matches the name itself, lower-cased as GET /sip does: no sort-key characters, no accent folding', async () => {
    const token = api.tokenFor('admin')
    const all = CustomerListSchema.parse((await api.get('/customer?limit=500', token)).body).customers
    // GET /sip's rule (schema.ts searchText): lower-case both sides, then a plain substring.
    const expected = (needle: string) => all.filter((c) => (c.name ?? '').toLowerCase().includes(needle.toLowerCase())).map((c) => c._id)
    const found = async (needle: string) =>
      CustomerListSchema.parse((await api.get(`/customer?limit=500&filter=${encodeURIComponent(needle)}`, token)).body)
    // '{' and '|' are what the sort key maps æ/ä and ø/ö to; 'é' and 'o' would match through accent folding.
    for (const needle of ['{', '|', '}', 'ø', 'Ø', 'o', 'é', 'e', 'sø', 'æ', 'tømrer']) {
      const result = await found(needle)
      expect(
        result.customers.map((c) => c._id),
        needle,
      ).toEqual(expected(needle))
      expect(result.total, needle).toBe(expected(needle).length)
    }
    expect((await found('{')).total).toBe(0)
    expect((await found('|')).total).toBe(0)
    const withO = await found('ø')
    expect(withO.total).toBeGreaterThan(0)
    expect(withO.customers.every((c) => (c.name ?? '').toLowerCase().includes('ø'))).toBe(true)
  })

  test('customer staff may not list customers or resellers', async () => {
    for (const path of ['/customer', '/customer/resellers/list']) {
      const response = await api.get(path, api.tokenFor('owner'))
      expect([response.status, errorCode(response)]).toEqual([403, 'access_denied'])
    }
  })
})

describe('GET /customer/resellers/list', () => {
  test('ADMIN sees every reseller; a reseller its subtree; a sub-reseller only itself', async () => {
    const names = async (user: DemoUserKey) =>
      ResellerListSchema.parse((await api.get('/customer/resellers/list', api.tokenFor(user))).body).map((r) => r._id)
    expect(new Set(await names('admin'))).toEqual(new Set([C.reseller, C.subReseller, C.otherReseller]))
    expect(new Set(await names('reseller'))).toEqual(new Set([C.reseller, C.subReseller]))
    expect(await names('subReseller')).toEqual([C.subReseller])
  })
})

describe('GET /customer/:id/name', () => {
  test('labels a visible customer; 403 for others; 404 customer when unknown; 400 id when malformed', async () => {
    const own = CustomerNameSchema.parse((await api.get(`/customer/${C.demoCustomer}/name`, api.tokenFor('viewer'))).body)
    expect(own).toEqual({
      _id: C.demoCustomer,
      name: 'Fjordvej Tømrer & Snedker ApS',
      parentReseller: C.reseller,
      features: ['SIP', 'PBX'],
    })
    const sub = await api.get(`/customer/${C.subCustomer}/name`, api.tokenFor('reseller'))
    expect(CustomerNameSchema.parse(sub.body).parentReseller).toBe(C.subReseller)
    const foreign = await api.get(`/customer/${C.foreignCustomer}/name`, api.tokenFor('viewer'))
    expect([foreign.status, errorCode(foreign)]).toEqual([403, 'access_denied'])
    const unknown = await api.get('/customer/0123456789abcdef01234567/name', api.tokenFor('admin'))
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'customer'])
    const bad = await api.get('/customer/nope/name', api.tokenFor('admin'))
    expect([bad.status, errorCode(bad)]).toEqual([400, 'id'])
  })
})

test('unknown routes and methods → 404 not_found in the error shape', async () => {
  const token = api.tokenFor('admin')
  for (const path of ['/', '/sip/', '/sips', '/customer/x/y/z', '/auth']) {
    const response = await api.get(path, token)
    expect([response.status, errorCode(response)], path).toEqual([404, 'not_found'])
  }
  const del = await api.request(
    new Request(`http://reference.test/sip/${A.primaryTrunk}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } }),
  )
  expect([del.status, errorCode(del)]).toEqual([404, 'not_found'])
})

test('PBX omission is enforced on output even if the stored trunk carries connection fields', async () => {
  const local = createTestServer({ accounts: 100 })
  local.db
    .prepare(
      `UPDATE sip_accounts SET status = 'ON', full_json = json_set(full_json, '$.username', 'leaky', '$.password', 'secret', '$.connection', 'IP', '$.defaultNumber', '+4511111111', '$.newRatePlan', NULL)
       WHERE id = ?`,
    )
    .run(A.pbxTrunk)
  for (const path of [`/sip/${A.pbxTrunk}`, `/sip?full=true&limit=500`, '/sip?limit=500']) {
    const body = JSON.stringify((await local.get(path, local.tokenFor('admin'))).body)
    for (const value of ['leaky', 'secret', '+4511111111']) expect(body, path).not.toContain(value)
  }
  const one = SipAccountFullSchema.parse((await local.get(`/sip/${A.pbxTrunk}`, local.tokenFor('admin'))).body)
  for (const field of PBX_OMITTED_FIELDS) expect(one).not.toHaveProperty(field)
  // A stored null is omitted, never sent as null.
  expect(one).not.toHaveProperty('newRatePlan')
})
