import type { Hono } from 'hono'
import { sipAccessFor } from '../../src/api/access-level.ts'
import { ApiProblem, denied } from '../api-problem.ts'
import type { SessionAuth } from '../auth/session.ts'
import {
  CUSTOMER_LIST_REPEATABLE,
  type CustomerListParams,
  CustomerListQuerySchema,
  EmptyQuerySchema,
  PathIdSchema,
  parseQuery,
} from '../query-params.ts'
import type { CustomerRecord, Store } from '../store.ts'

const customerName = (customer: CustomerRecord) => ({
  _id: customer.id,
  name: customer.name,
  ...(customer.parentReseller ? { parentReseller: customer.parentReseller } : {}),
  features: customer.features,
})

/** full=true: every column the reference server keeps for a customer, empty ones as null. */
const customerFull = (customer: CustomerRecord) => ({
  _id: customer.id,
  name: customer.name,
  parentReseller: customer.parentReseller,
  reseller: customer.isReseller,
  features: customer.features,
})

/**
 * Whose customers GET /customer lists (null = no parent restriction). parentReseller narrows to
 * one reseller (ADMIN: any reseller; others: only inside their own tree); customerIds alone lifts
 * the direct-customers default, since the ids are access-checked one by one.
 */
function listParents(store: Store, own: string, admin: boolean, query: CustomerListParams): string[] | null {
  const parent = query.parentReseller
  if (parent) {
    if (admin) {
      if (!store.customer(parent)?.isReseller) throw new ApiProblem(400, 'parentReseller', 'parentReseller is not a reseller')
    } else if (!store.resellerTree(own).has(parent)) {
      // Outside the caller's tree, known or not: the same 403, so ids cannot be probed.
      throw denied('parentReseller must be your own reseller or one of your sub-resellers')
    }
    return query.includeSubresellers ? [...store.resellerTree(parent)] : [parent]
  }
  if (admin || query.customerIds) return null
  return query.includeSubresellers ? [...store.resellerTree(own)] : [own]
}

export function registerCustomerRoutes(app: Hono, { store, auth }: { store: Store; auth: SessionAuth }): void {
  app.get('/customer', (c) => {
    const session = auth.authenticate(c)
    if (!sipAccessFor(session.accessLevel).scope) throw denied('Only RESELLER and ADMIN may list customers')
    const query = parseQuery(c.req.url, CustomerListQuerySchema, CUSTOMER_LIST_REPEATABLE)
    const admin = session.accessLevel === 'ADMIN'
    // all=true widens the list to every reseller's customers, which only ADMIN may see; a reseller
    // asking for it asks for more than its access, like parentReseller outside its tree (034).
    if (query.all && !admin) throw denied('all=true is for ADMIN only')
    const parents = listParents(store, session.employee.customer, admin, query)
    // Named customers are checked against everything the caller may see, not only the default
    // listing (direct customers): labelling a reseller-scope page needs the sub-resellers' ones.
    // Ids it may not see are dropped silently, so the answer never tells them apart from unknown ids.
    const ids = query.customerIds?.filter((id) => auth.canSee(session, id))
    // includeDeleted is accepted and changes nothing: the seed has no deleted customers (034).
    const { total, customers } = store.listCustomers({
      parents,
      ids,
      resellersOnly: query.resellers === true,
      filter: query.filter,
      offset: query.offset,
      limit: query.limit,
    })
    return c.json({
      offset: query.offset,
      limit: query.limit,
      total,
      customers: query.full ? customers.map(customerFull) : customers.map(customerName),
    })
  })

  app.get('/customer/resellers/list', (c) => {
    const session = auth.authenticate(c)
    if (!sipAccessFor(session.accessLevel).scope) throw denied('Only RESELLER and ADMIN may list resellers')
    parseQuery(c.req.url, EmptyQuerySchema)
    const allowed = session.accessLevel === 'ADMIN' ? null : store.resellerTree(session.employee.customer)
    return c.json(store.resellers(allowed).map((r) => ({ _id: r.id, name: r.name })))
  })

  app.get('/customer/:id/name', (c) => {
    const session = auth.authenticate(c)
    const id = PathIdSchema.safeParse(c.req.param('id'))
    if (!id.success) throw new ApiProblem(400, 'id', 'The customer id must be a 24-character hex id')
    const customer = store.customer(id.data)
    if (!customer) throw new ApiProblem(404, 'customer', 'Customer not found')
    if (!auth.canSee(session, customer.id)) throw denied('No access to that customer')
    return c.json(customerName(customer))
  })
}
