import { sameId } from '../../../api/ids.ts'
import type { ListParams } from './list-params.ts'

/**
 * Which customers a list shows (decision 041):
 * - `all`: everything the user may see. For RESELLER, RESELLER_ADMIN and ADMIN a plain `/` means
 *   this, sent as `reseller=<own customer id>` (the whole subtree; for ADMIN every customer).
 * - `own`: the user's own customer. VIEWER, MANAGER and OWNER always; a scope level writes it as
 *   `?customer=<own id>`.
 * - `customer` / `reseller`: one chosen in the pickers.
 */
export type ScopeKind = 'all' | 'own' | 'customer' | 'reseller'

export interface ListScopeView {
  /** What GET /sip is asked (and the query key): the URL's params with the landing scope applied. */
  params: ListParams
  kind: ScopeKind
  /** The rows may belong to several customers: the Customer column is shown by default (042). */
  severalCustomers: boolean
  /** The URL named a customer or reseller this level may not choose; it was dropped. */
  ignoredScope: boolean
}

/**
 * The scope a list page is asked for. Levels without scope get their own customer whatever the URL
 * says; levels with scope land on all their customers when the URL names none.
 */
export function listScope(url: ListParams, canScope: boolean, ownCustomer: string | null): ListScopeView {
  if (!canScope) {
    const params = { ...url }
    delete params.customer
    delete params.reseller
    return { params, kind: 'own', severalCustomers: false, ignoredScope: Boolean(url.customer ?? url.reseller) }
  }
  if (url.customer) {
    const kind = sameId(url.customer, ownCustomer) && !url.reseller ? 'own' : 'customer'
    return { params: url, kind, severalCustomers: false, ignoredScope: false }
  }
  if (url.reseller && !sameId(url.reseller, ownCustomer))
    return { params: url, kind: 'reseller', severalCustomers: true, ignoredScope: false }
  // Without a known own customer there is no subtree to ask for: the API's default (own) it is.
  if (!ownCustomer) return { params: url, kind: 'own', severalCustomers: false, ignoredScope: false }
  // `/` and `?reseller=<own>` are the same view and the same request (one query key).
  return { params: { ...url, reseller: ownCustomer }, kind: 'all', severalCustomers: true, ignoredScope: false }
}
