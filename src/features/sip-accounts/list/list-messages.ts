import { isApiError } from '../../../api/api-error.ts'
import type { ListParams } from './list-params.ts'

/** The three empty states are different situations and say so. */
export function emptyMessage(request: ListParams): { title: string; hint: string | null } {
  if (request.filter) {
    const where = request.up === true ? ' among accounts that are up' : request.up === false ? ' among accounts that are down' : ''
    return {
      title: `No account matches “${request.filter}”${where}`,
      hint: 'Check the spelling, or search for part of a number, IP address or username.',
    }
  }
  if (request.up === false) return { title: 'No accounts are down', hint: 'Every account with a status is up.' }
  if (request.up === true) return { title: 'No accounts are up', hint: null }
  return { title: 'No SIP accounts yet', hint: 'Accounts created for this customer will be listed here.' }
}

export interface ListErrorView {
  title: string
  detail: string
  /** The error is about the chosen customer/reseller: offer the way back to the user's own. */
  scopeProblem: boolean
}

/** Errors are never shown as "no results": each kind says what happened. */
export function describeListError(error: unknown): ListErrorView {
  if (!isApiError(error)) return { title: 'Could not load SIP accounts', detail: 'Something unexpected went wrong.', scopeProblem: false }
  if (error.kind === 'network') {
    return { title: 'Cannot reach the Telecom X API', detail: 'Check your connection, then retry.', scopeProblem: false }
  }
  if (error.kind === 'contract') {
    const field = error.field ? `the field “${error.field}”` : 'the response'
    return {
      title: 'The API sent data this dashboard does not understand',
      detail: `Problem in ${field}. ${error.message}`,
      scopeProblem: false,
    }
  }
  if (error.status === 400 && error.code === 'customer') {
    return {
      title: 'Customer not found',
      detail: 'The chosen customer does not exist. Choose another one or go back to your own.',
      scopeProblem: true,
    }
  }
  if (error.status === 403) {
    return {
      title: 'No access to this customer',
      detail: 'Your access level does not allow viewing the SIP accounts of this customer.',
      scopeProblem: true,
    }
  }
  if (error.status === 404) {
    return { title: 'Not found', detail: error.message, scopeProblem: true }
  }
  return { title: 'Could not load SIP accounts', detail: error.message, scopeProblem: false }
}
