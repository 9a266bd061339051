import { getJson } from '../../../api/http.ts'
import { CustomerListSchema, CustomerNameSchema, type CustomerList, type CustomerName } from '../../../api/customer.ts'
import type { ApiSession } from '../sip-account-api.ts'

/** One page of the pickers' listing: GET /customer, 20 at a time. */
export const BROWSE_PAGE_SIZE = 20
/** GET /customer?customerIds=…: at most this many ids per request (the listing's page limit). */
export const NAMES_PER_REQUEST = 100

export interface BrowseRequest {
  /** What was typed ('' lists the first customers). */
  filter: string
  /** Only resellers (the Reseller picker). */
  resellers: boolean
  /** ADMIN: every reseller's customers; the real API may list fewer without it (decision 034). */
  all: boolean
  offset: number
}

export interface CustomerApi {
  browse: (request: BrowseRequest, signal?: AbortSignal) => Promise<CustomerList>
  /** Names for many ids in one request; ids the caller may not see (or unknown ones) are absent. */
  byIds: (ids: readonly string[], all: boolean, signal?: AbortSignal) => Promise<CustomerList>
  name: (id: string, signal?: AbortSignal) => Promise<CustomerName>
}

/** The scope pickers' endpoints (RESELLER, RESELLER_ADMIN and ADMIN only). */
export function createCustomerApi({ token }: ApiSession): CustomerApi {
  return {
    // includeSubresellers: a RESELLER also reaches the customers of its sub-resellers (GET /sip does).
    browse: ({ filter, resellers, all, offset }, signal) =>
      getJson(
        '/customer',
        { filter, includeSubresellers: true, resellers: resellers || undefined, all: all || undefined, offset, limit: BROWSE_PAGE_SIZE },
        CustomerListSchema,
        { token, signal },
      ),
    // One comma-separated value (decision in telecomx-api.md); limit=100 so a full page fits.
    byIds: (ids, all, signal) =>
      getJson('/customer', { customerIds: ids.join(','), all: all || undefined, limit: NAMES_PER_REQUEST }, CustomerListSchema, {
        token,
        signal,
      }),
    name: (id, signal) => getJson(`/customer/${encodeURIComponent(id)}/name`, {}, CustomerNameSchema, { token, signal }),
  }
}
