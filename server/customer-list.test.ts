import { describe, expect, test } from 'vitest'
import * as z from 'zod/mini'
import { ApiErrorBodySchema } from '../src/api/api-error.ts'
import { CustomerListSchema, type CustomerList } from '../src/api/customer.ts'
import { DEMO_CUSTOMER_IDS, type DemoUserKey } from './demo-users.ts'
import { CUSTOMER_IDS_MAX } from './query-params.ts'
import { createTestServer, type TestResponse } from './test-support.ts'

/*
 * GET /customer's documented options (api:customer:list): customerIds, resellers, parentReseller,
 * all, includeDeleted, full; decision 034 says what the reference server makes of each.
 */

const api = createTestServer()
const C = DEMO_CUSTOMER_IDS
const UNKNOWN = '0123456789abcdef01234567'

function errorCode(response: TestResponse): string | undefined {
  const parsed = ApiErrorBodySchema.parse(response.body)
  const error = Array.isArray(parsed.error) ? parsed.error[0] : parsed.error
  expect(error?.status).toBe(response.status)
  return error?.code
}

async function list(user: DemoUserKey, query: string): Promise<CustomerList> {
  const response = await api.get(`/customer?${query}`, api.tokenFor(user))
  expect(response.status, `${user} ${query}`).toBe(200)
  return CustomerListSchema.parse(response.body)
}
const idsOf = (result: CustomerList) => result.customers.map((c) => c._id)
const idsParam = (ids: readonly string[]) => `customerIds=${ids.join(',')}`

const CustomerRowSchema = z.object({ id: z.string(), parent_reseller: z.nullable(z.string()), is_reseller: z.number() })
const rows = z.array(CustomerRowSchema).parse(api.db.prepare('SELECT id, parent_reseller, is_reseller FROM customers').all())
const childrenOf = (parent: string) => rows.filter((r) => r.parent_reseller === parent).map((r) => r.id)

describe('GET /customer?customerIds', () => {
  test('the comma-separated and the repeated form give the same answer', async () => {
    const ids = [C.demoCustomer, C.subCustomer, C.foreignCustomer, UNKNOWN]
    const comma = await list('reseller', idsParam(ids))
    const repeated = await list('reseller', ids.map((id) => `customerIds=${id}`).join('&'))
    const mixed = await list('reseller', `customerIds=${C.demoCustomer},${C.subCustomer}&customerIds=${C.foreignCustomer}`)
    expect(repeated).toEqual(comma)
    expect(mixed).toEqual(comma)
    expect(idsOf(comma).sort()).toEqual([C.demoCustomer, C.subCustomer].sort())
    expect(comma.total).toBe(2)
  })

  test('ids the caller may not see are left out silently: no error, not counted, not told apart from unknown ids', async () => {
    const foreign = await api.get(
      `/customer?${idsParam([C.foreignCustomer, C.directCustomer, C.otherReseller, C.telecomX])}`,
      api.tokenFor('reseller'),
    )
    expect(foreign.status).toBe(200)
    const unknown = await api.get(`/customer?${idsParam([UNKNOWN])}`, api.tokenFor('reseller'))
    expect(foreign.body).toEqual(unknown.body)
    expect(CustomerListSchema.parse(foreign.body)).toEqual({ offset: 0, limit: 100, total: 0, customers: [] })

    // A sub-reseller does not see its parent reseller's other customers.
    const sub = await list('subReseller', idsParam([C.subCustomer, C.demoCustomer, C.reseller]))
    expect(idsOf(sub)).toEqual([C.subCustomer])
    expect(sub.total).toBe(1)
  })

  test('the ids reach everything the caller may see, not only the direct-customers default', async () => {
    // reseller@ lists only direct customers by default; a page in its scope also names the
    // sub-reseller's customers and the reseller's own record, and those must resolve in bulk.
    const byDefault = idsOf(await list('reseller', 'limit=500'))
    expect(byDefault).not.toContain(C.subCustomer)
    const named = await list('reseller', idsParam([C.subCustomer, C.reseller, C.subReseller]))
    expect(idsOf(named).sort()).toEqual([C.reseller, C.subCustomer, C.subReseller].sort())
  })

  test('unknown ids are ignored; ids compare case-insensitively and come back lower-case', async () => {
    const admin = await list('admin', idsParam([C.demoCustomer, UNKNOWN, C.foreignCustomer]))
    expect(idsOf(admin).sort()).toEqual([C.demoCustomer, C.foreignCustomer].sort())
    expect(admin.total).toBe(2)
    const upper = await list('admin', idsParam([C.demoCustomer.toUpperCase(), UNKNOWN.toUpperCase(), C.foreignCustomer.toUpperCase()]))
    expect(upper).toEqual(admin)
    const duplicates = await list('admin', idsParam([C.demoCustomer, C.demoCustomer.toUpperCase()]))
    expect(idsOf(duplicates)).toEqual([C.demoCustomer])
    expect((await list('reseller', idsParam([C.subCustomer.toUpperCase()]))).total).toBe(1)
  })

  test('malformed, empty or more than 500 ids → 400 customerIds; 500 are fine', async () => {
    const token = api.tokenFor('admin')
    const many = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(24, '0'))
    for (const query of [
      'customerIds=nope',
      `customerIds=${C.demoCustomer}x`,
      'customerIds=',
      `customerIds=${C.demoCustomer},,${C.subCustomer}`,
      `customerIds=${C.demoCustomer},`,
      idsParam(many(CUSTOMER_IDS_MAX + 1)),
      `${idsParam(many(300))}&${idsParam(many(201))}`,
    ]) {
      const response = await api.get(`/customer?${query}`, token)
      expect([response.status, errorCode(response)], query.slice(0, 60)).toEqual([400, 'customerIds'])
    }
    const allowed = await api.get(`/customer?${idsParam(many(CUSTOMER_IDS_MAX - 1))},${C.demoCustomer}`, token)
    expect(allowed.status).toBe(200)
    expect(idsOf(CustomerListSchema.parse(allowed.body))).toEqual([C.demoCustomer])
  })

  test('customerIds combines with filter, resellers and parentReseller (all must hold)', async () => {
    const ids = [C.demoCustomer, C.subCustomer, C.subReseller, C.foreignCustomer]
    expect(idsOf(await list('admin', `${idsParam(ids)}&filter=${encodeURIComponent('TØMRER')}`))).toEqual([C.demoCustomer])
    expect(idsOf(await list('admin', `${idsParam(ids)}&resellers=true`))).toEqual([C.subReseller])
    expect(idsOf(await list('admin', `${idsParam(ids)}&parentReseller=${C.reseller}`)).sort()).toEqual(
      [C.demoCustomer, C.subReseller].sort(),
    )
    expect(idsOf(await list('reseller', `${idsParam(ids)}&parentReseller=${C.subReseller}`))).toEqual([C.subCustomer])
  })
})

describe('GET /customer?resellers, parentReseller, all', () => {
  const resellerIds = rows.filter((r) => r.is_reseller === 1).map((r) => r.id)

  test('resellers=true lists only resellers; resellers=false is the same as leaving it out', async () => {
    const admin = await list('admin', 'resellers=true&limit=500')
    expect(idsOf(admin).sort()).toEqual([...resellerIds].sort())
    expect(admin.total).toBe(resellerIds.length)
    // A reseller's default listing is its direct customers, so the resellers among them.
    expect(idsOf(await list('reseller', 'resellers=true&limit=500'))).toEqual([C.subReseller])
    expect(await list('admin', 'resellers=false&limit=500')).toEqual(await list('admin', 'limit=500'))
  })

  test('parentReseller as ADMIN: only that reseller’s customers; not a reseller or unknown → 400 parentReseller', async () => {
    const other = await list('admin', `parentReseller=${C.otherReseller}&limit=500`)
    expect(idsOf(other).sort()).toEqual(childrenOf(C.otherReseller).sort())
    expect(idsOf(other)).toContain(C.foreignCustomer)
    expect(other.total).toBe(childrenOf(C.otherReseller).length)
    expect(await list('admin', `parentReseller=${C.otherReseller.toUpperCase()}&limit=500`)).toEqual(other)
    const tree = await list('admin', `parentReseller=${C.reseller}&includeSubresellers=true&limit=500`)
    expect(idsOf(tree).sort()).toEqual([...childrenOf(C.reseller), ...childrenOf(C.subReseller)].sort())
    for (const id of [C.demoCustomer, UNKNOWN, 'nope']) {
      const response = await api.get(`/customer?parentReseller=${id}`, api.tokenFor('admin'))
      expect([response.status, errorCode(response)], id).toEqual([400, 'parentReseller'])
    }
  })

  test('parentReseller as RESELLER: inside its own tree it narrows; outside (known or not) → 403', async () => {
    const sub = await list('reseller', `parentReseller=${C.subReseller}&limit=500`)
    expect(idsOf(sub).sort()).toEqual(childrenOf(C.subReseller).sort())
    expect(idsOf(sub)).toContain(C.subCustomer)
    expect(await list('reseller', `parentReseller=${C.reseller}&limit=500`)).toEqual(await list('reseller', 'limit=500'))
    const outside: [DemoUserKey, string][] = [
      ['reseller', C.otherReseller],
      ['reseller', UNKNOWN],
      ['reseller', C.demoCustomer],
      ['subReseller', C.reseller],
      ['resellerAdmin', C.otherReseller],
    ]
    for (const [user, id] of outside) {
      const response = await api.get(`/customer?parentReseller=${id}`, api.tokenFor(user))
      expect([response.status, errorCode(response)], `${user} ${id}`).toEqual([403, 'access_denied'])
    }
  })

  test('all=true: ADMIN’s default already (no change); anyone else → 403; all=false changes nothing', async () => {
    expect(await list('admin', 'all=true&limit=500')).toEqual(await list('admin', 'limit=500'))
    const response = await api.get('/customer?all=true', api.tokenFor('reseller'))
    expect([response.status, errorCode(response)]).toEqual([403, 'access_denied'])
    expect(await list('reseller', 'all=false&limit=500')).toEqual(await list('reseller', 'limit=500'))
  })

  test('includeDeleted is accepted (the seed has no deleted customers); it must be true or false', async () => {
    expect(await list('admin', 'includeDeleted=true&limit=500')).toEqual(await list('admin', 'limit=500'))
    const bad = await api.get('/customer?includeDeleted=yes', api.tokenFor('admin'))
    expect([bad.status, errorCode(bad)]).toEqual([400, 'includeDeleted'])
  })

  test('offset, limit and total hold with every option', async () => {
    const everyId = idsOf(await list('admin', 'limit=500'))
    const cases: [string, number][] = [
      [idsParam(everyId.slice(0, 9)), 9],
      ['resellers=true', resellerIds.length],
      [`parentReseller=${C.reseller}`, childrenOf(C.reseller).length],
      [`parentReseller=${C.reseller}&includeSubresellers=true`, childrenOf(C.reseller).length + childrenOf(C.subReseller).length],
      [`${idsParam(everyId)}&parentReseller=${C.reseller}`, childrenOf(C.reseller).length],
      ['all=true', rows.length],
    ]
    for (const [query, expected] of cases) {
      const whole = await list('admin', `${query}&limit=500`)
      expect([whole.total, whole.customers.length], query).toEqual([expected, expected])
      expect(expected, query).toBeGreaterThanOrEqual(3)
      const page = await list('admin', `${query}&offset=1&limit=2`)
      expect(page.customers, query).toEqual(whole.customers.slice(1, 3))
      expect([page.offset, page.limit, page.total], query).toEqual([1, 2, whole.total])
      const past = await list('admin', `${query}&offset=${whole.total}`)
      expect([past.customers.length, past.total], query).toEqual([0, whole.total])
    }
  })
})

describe('GET /customer?full=true', () => {
  const FullCustomerSchema = z.strictObject({
    _id: z.string(),
    name: z.string(),
    parentReseller: z.nullable(z.string()),
    reseller: z.boolean(),
    features: z.array(z.string()),
  })

  test('complete customer objects with exactly the documented fields; the condensed shape is unchanged', async () => {
    const full = await list('admin', `full=true&${idsParam([C.reseller, C.demoCustomer, C.directCustomer])}`)
    const byId = new Map(full.customers.map((c) => [c._id, FullCustomerSchema.parse(c)]))
    expect(byId.get(C.reseller)).toMatchObject({ name: 'Nordisk Telefoni Partner A/S', parentReseller: null, reseller: true })
    expect(byId.get(C.demoCustomer)).toMatchObject({ parentReseller: C.reseller, reseller: false, features: ['SIP', 'PBX'] })
    expect(byId.get(C.directCustomer)).toMatchObject({ parentReseller: null, reseller: false })
    const condensed = await list('admin', idsParam([C.reseller, C.demoCustomer]))
    for (const customer of condensed.customers) {
      expect(Object.keys(customer).every((key) => ['_id', 'name', 'parentReseller', 'features'].includes(key))).toBe(true)
    }
  })
})

describe('GET /customer parameters stay strict', () => {
  test('non-list parameters given twice are still a 400; only customer-level staff are refused', async () => {
    const twice = await api.get(`/customer?parentReseller=${C.reseller}&parentReseller=${C.reseller}`, api.tokenFor('admin'))
    expect([twice.status, errorCode(twice)]).toEqual([400, 'parentReseller'])
    const owner = await api.get(`/customer?${idsParam([C.demoCustomer])}`, api.tokenFor('owner'))
    expect([owner.status, errorCode(owner)]).toEqual([403, 'access_denied'])
  })
})
