import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { NAMES_PER_REQUEST, createCustomerApi } from './customer-api.ts'
import { customerQueries } from './customer-queries.ts'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const id = (n: number) => n.toString(16).padStart(24, '0')

test('a page of 250 customers asks for their names in requests of 100 that go out together, not one after another', async () => {
  const ids = Array.from({ length: 250 }, (_, n) => id(n + 1))
  const asked: string[][] = []
  // Each answer waits until every request has arrived: one after another, the first would never be answered.
  let allArrived: () => void = () => undefined
  const arrived = new Promise<void>((resolve) => (allArrived = resolve))
  let answeredEarly = false
  server.use(
    http.get('*/api/customer', async ({ request }) => {
      const chunk = new URL(request.url).searchParams.get('customerIds')?.split(',') ?? []
      asked.push(chunk)
      if (asked.length === Math.ceil(ids.length / NAMES_PER_REQUEST)) allArrived()
      const early = new Promise<'early'>((resolve) => setTimeout(() => resolve('early'), 2_000))
      if ((await Promise.race([arrived, early])) === 'early') answeredEarly = true
      return HttpResponse.json({
        offset: 0,
        limit: NAMES_PER_REQUEST,
        total: chunk.length,
        customers: chunk.map((customer) => ({ _id: customer, name: `Customer ${customer.slice(-3)}` })),
      })
    }),
  )
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const api = createCustomerApi({ token: 'token', accessLevel: 'RESELLER' })

  const names = await client.fetchQuery(customerQueries.names(api, ids, false))

  expect(answeredEarly).toBe(false)
  expect(asked.map((chunk) => chunk.length)).toEqual([100, 100, 50])
  expect(asked.flat().sort()).toEqual(ids)
  expect(names.size).toBe(250)
  expect(names.get(id(250))).toBe('Customer 0fa')
  // Each name also seeds the per-customer query (the drawer and the pickers find it there).
  expect(client.getQueryData(customerQueries.name(api, id(7)).queryKey)?.name).toBe('Customer 007')
})
