import { useQuery } from '@tanstack/react-query'
import { sipAccessFor } from '../../../api/access-level.ts'
import { sameId } from '../../../api/ids.ts'
import type { Session } from '../../auth/session-store.ts'
import { customerApiFor } from './customer-api.ts'
import { customerQueries } from './customer-queries.ts'

/**
 * A customer's name: the user's own from the session; another (scope roles only) looked up once
 * per customer and cached, so a page of rows asks at most once per distinct customer.
 */
export function useCustomerName(session: Session, customer: string | null | undefined): string | undefined {
  const own = sameId(customer, session.customer)
  const lookup = useQuery({
    ...customerQueries.name(customerApiFor(session), customer ?? ''),
    enabled: Boolean(customer) && !own && sipAccessFor(session.accessLevel).scope,
  })
  if (own) return session.customerName ?? undefined
  return lookup.data?.name ?? undefined
}
