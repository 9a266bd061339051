import type { Hono } from 'hono'
import { sipAccessFor } from '../../src/api/access-level.ts'
import { sameId } from '../../src/api/ids.ts'
import { ApiProblem, denied } from '../api-problem.ts'
import type { SessionAuth } from '../auth/session.ts'
import { PathIdSchema, SipListQuerySchema, parseQuery } from '../query-params.ts'
import { shapeSipAccount } from '../sip-shape.ts'
import type { Store } from '../store.ts'

/** Shaped-account JSON kept in memory (about 1 KB each). */
const SHAPED_CACHE_SIZE = 20_000

export function registerSipRoutes(app: Hono, { store, auth }: { store: Store; auth: SessionAuth }): void {
  /** JSON of shaped accounts by id, status and visibility variant (insertion-ordered LRU-ish). */
  const shapedCache = new Map<string, string>()

  app.get('/sip', (c) => {
    const session = auth.authenticate(c)
    const access = sipAccessFor(session.accessLevel)
    if (!access.sipAccounts) throw denied('This access level has no access to SIP accounts')
    const query = parseQuery(c.req.url, SipListQuerySchema)

    let resellerScope: ReadonlySet<string> | undefined
    // Names the reseller scope for the search index's cache; the same id may mean "everything" for
    // an ADMIN and a subtree for others, so the key says which.
    let resellerKey: string | undefined
    if (query.reseller !== undefined) {
      if (!access.scope) throw denied('Only RESELLER and ADMIN may list by reseller')
      if (session.accessLevel === 'ADMIN' && sameId(query.reseller, session.employee.customer)) {
        // ADMIN's own customer is the operator (Telecom X), the root of every tree: its subtree is
        // every customer. The dashboard lands ADMIN there, as it lands a RESELLER on its own (041).
        resellerScope = store.allCustomers()
        resellerKey = 'all'
      } else {
        const reseller = store.customer(query.reseller)
        if (!reseller) throw new ApiProblem(400, 'reseller', 'Reseller not found')
        if (!reseller.isReseller) throw new ApiProblem(400, 'reseller', 'That customer is not a reseller')
        if (session.accessLevel !== 'ADMIN' && !store.resellerTree(session.employee.customer).has(reseller.id)) {
          throw denied('No access to that reseller')
        }
        resellerScope = store.resellerScope(reseller.id)
        resellerKey = `reseller:${reseller.id}`
      }
    }

    let customers: readonly string[]
    let scopeKey: string | undefined
    if (query.customer !== undefined) {
      const customer = store.customer(query.customer)
      if (!customer) throw new ApiProblem(400, 'customer', 'Customer not found')
      if (!auth.canSee(session, customer.id)) throw denied('No access to that customer')
      if (resellerScope && !resellerScope.has(customer.id)) {
        throw new ApiProblem(400, 'customer', 'The customer does not belong to that reseller')
      }
      customers = [customer.id]
    } else if (resellerScope) {
      customers = [...resellerScope]
      scopeKey = resellerKey
    } else {
      customers = [session.employee.customer]
    }

    const { total, rows } = store.listSip({
      customers,
      scopeKey,
      filter: query.filter,
      up: query.up,
      searchNotes: access.notes,
      offset: query.offset,
      limit: query.limit,
    })
    const full = query.full === true
    const variant = `${full ? 'f' : 'c'}${access.notes ? 'n' : ''}${access.sipServer ? 's' : ''}`
    const accounts = rows.map((row) => {
      // Status is part of the key, so a flipped trunk simply misses; nothing else in a row changes.
      const key = `${row.id}|${row.status ?? ''}|${variant}`
      let json = shapedCache.get(key)
      if (json === undefined) {
        json = JSON.stringify(shapeSipAccount(row, session.accessLevel, full))
        if (shapedCache.size >= SHAPED_CACHE_SIZE) {
          const oldest = shapedCache.keys().next().value
          if (oldest !== undefined) shapedCache.delete(oldest)
        }
        shapedCache.set(key, json)
      }
      return json
    })
    // Assembled from cached JSON fragments: parsing and shaping 100 accounts per request was
    // half of the server's time under load.
    const head = JSON.stringify({ offset: query.offset, limit: query.limit, total })
    return c.body(`${head.slice(0, -1)},"sipAccounts":[${accounts.join(',')}]}`, 200, {
      'Content-Type': 'application/json; charset=UTF-8',
    })
  })

  app.get('/sip/:id', (c) => {
    const session = auth.authenticate(c)
    if (!sipAccessFor(session.accessLevel).sipAccounts) throw denied('This access level has no access to SIP accounts')
    const id = PathIdSchema.safeParse(c.req.param('id'))
    if (!id.success) throw new ApiProblem(400, 'id', 'The SIP account id must be a 24-character hex id')
    const row = store.sipAccount(id.data)
    if (!row) throw new ApiProblem(404, 'not_found', 'SIP account not found')
    if (!auth.canSee(session, row.customer)) throw denied('No access to that SIP account')
    return c.json(shapeSipAccount(row, session.accessLevel, true))
  })
}
