import { isApiError, type ApiError } from '../api/api-error.ts'
import { msg, t as activeT, type MessageKey, type Translate } from './i18n.ts'

/*
 * What a failed request says to the user, in the page's language. src/api stays free of the
 * catalogue: its ApiError carries the English text (message) and what it was built from (kind,
 * status, field, issue, fromServer); this says the same in the page's language. The API's own
 * message (fromServer) is data and is shown as it came; only the dashboard's own words translate.
 * In a component pass useI18n().t, so a language switch re-renders the text; elsewhere the
 * active language is used.
 */

/** An ApiError as the user reads it: the API's own message, else the dashboard's words for it. */
export function apiErrorText(error: ApiError, t: Translate = activeT): string {
  if (error.fromServer) return error.message
  if (error.kind === 'network') return t('Cannot reach the Telecom X API. Check your connection and try again.')
  if (error.kind === 'contract') {
    const issue = error.issue ?? t('The response is not JSON')
    return error.field === undefined
      ? t('The API sent data this dashboard does not understand: the response ({issue}).', { issue })
      : t('The API sent data this dashboard does not understand: field “{field}” ({issue}).', { field: error.field, issue })
  }
  return t(statusText(error.status), { status: String(error.status) })
}

/** Any error: an ApiError as apiErrorText says it, anything else as `fallback`. */
export function errorText(error: unknown, fallback: MessageKey, t: Translate = activeT): string {
  return isApiError(error) ? apiErrorText(error, t) : t(fallback)
}

/** The same words as src/api/http.ts's defaultMessage, for an HTTP error without the API's own message. */
function statusText(status: number): MessageKey {
  if (status === 401) return msg('Your session has ended. Please sign in again.')
  if (status === 403) return msg('You do not have access to this.')
  if (status === 404) return msg('Not found.')
  if (status === 429) return msg('Too many attempts. Wait a minute and try again.')
  if (status >= 500) return msg('The Telecom X API had a problem. Try again in a moment.')
  return msg('The request failed (HTTP {status}).')
}
