import { getJson } from '../../../api/http.ts'
import {
  CustomerListSchema,
  CustomerNameSchema,
  ResellerListSchema,
  type CustomerList,
  type CustomerName,
  type ResellerList,
} from '../../../api/customer.ts'
import type { ApiSession } from '../sip-account-api.ts'

export interface CustomerApi {
  search: (filter: string, signal?: AbortSignal) => Promise<CustomerList>
  resellers: (signal?: AbortSignal) => Promise<ResellerList>
  name: (id: string, signal?: AbortSignal) => Promise<CustomerName>
}

/** The scope pickers' endpoints (RESELLER, RESELLER_ADMIN and ADMIN only). */
export function createCustomerApi({ token }: ApiSession): CustomerApi {
  return {
    // includeSubresellers: a RESELLER also reaches the customers of its sub-resellers (GET /sip does).
    search: (filter, signal) =>
      getJson('/customer', { filter, includeSubresellers: true, offset: 0, limit: 20 }, CustomerListSchema, { token, signal }),
    resellers: (signal) => getJson('/customer/resellers/list', {}, ResellerListSchema, { token, signal }),
    name: (id, signal) => getJson(`/customer/${encodeURIComponent(id)}/name`, {}, CustomerNameSchema, { token, signal }),
  }
}
