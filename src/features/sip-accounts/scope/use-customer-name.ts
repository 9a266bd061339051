import { useQuery } from '@tanstack/react-query'
import { sameId } from '../../../api/ids.ts'
import { useCustomerApi, useSession, useSipAccess } from '../../../app/session-context.tsx'
import { customerQueries } from './customer-queries.ts'

/**
 * A customer's name: the user's own from the session; another (scope roles only) looked up once
 * per customer and cached, so a page of rows asks at most once per distinct customer.
 */
export function useCustomerName(customer: string | null | undefined): string | undefined {
  const session = useSession()
  const api = useCustomerApi()
  const { scope } = useSipAccess()
  const own = sameId(customer, session.customer)
  const lookup = useQuery({
    ...customerQueries.name(api, customer ?? ''),
    enabled: Boolean(customer) && !own && scope,
  })
  if (own) return session.customerName ?? undefined
  return lookup.data?.name ?? undefined
}
