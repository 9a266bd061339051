import type { Hono } from 'hono'
import { sipAccessFor } from '../../src/api/access-level.ts'
import { ApiProblem, denied } from '../api-problem.ts'
import type { SessionAuth } from '../auth/session.ts'
import { CustomerListQuerySchema, EmptyQuerySchema, PathIdSchema, parseQuery } from '../query-params.ts'
import type { CustomerRecord, Store } from '../store.ts'

const customerName = (customer: CustomerRecord) => ({
  _id: customer.id,
  name: customer.name,
  ...(customer.parentReseller ? { parentReseller: customer.parentReseller } : {}),
  features: customer.features,
})

export function registerCustomerRoutes(app: Hono, { store, auth }: { store: Store; auth: SessionAuth }): void {
  app.get('/customer', (c) => {
    const session = auth.authenticate(c)
    if (!sipAccessFor(session.accessLevel).scope) throw denied('Only RESELLER and ADMIN may list customers')
    const query = parseQuery(c.req.url, CustomerListQuerySchema)
    const own = session.employee.customer
    const parents = session.accessLevel === 'ADMIN' ? null : query.includeSubresellers ? [...store.resellerTree(own)] : [own]
    const { total, customers } = store.listCustomers({ parents, filter: query.filter, offset: query.offset, limit: query.limit })
    return c.json({ offset: query.offset, limit: query.limit, total, customers: customers.map(customerName) })
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
