import { isApiError } from '../../../api/api-error.ts'
import { apiErrorText } from '../../../lib/error-text.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import type { Translate } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'

interface ListErrorView {
  title: string
  detail: string
  /** The error is about the chosen customer/reseller: offer the way back to the user's own. */
  scopeProblem: boolean
}

/** Errors are never shown as "no results": each kind says what happened. */
function describeListError(error: unknown, t: Translate): ListErrorView {
  if (!isApiError(error)) {
    return { title: t('Could not load SIP accounts'), detail: t('Something unexpected went wrong.'), scopeProblem: false }
  }
  if (error.kind === 'network') {
    return { title: t('Cannot reach the Telecom X API'), detail: t('Check your connection, then retry.'), scopeProblem: false }
  }
  // The API's own message as it came; the dashboard's own words in the page's language (error-text.ts).
  const message = apiErrorText(error, t)
  if (error.kind === 'contract') {
    return {
      title: t('The API sent data this dashboard does not understand'),
      detail: error.field
        ? t('Problem in the field “{field}”. {message}', { field: error.field, message })
        : t('Problem in the response. {message}', { message }),
      scopeProblem: false,
    }
  }
  if (error.status === 400 && error.code === 'customer') {
    return {
      title: t('Customer not found'),
      detail: t('The chosen customer does not exist. Choose another one or go back to your own.'),
      scopeProblem: true,
    }
  }
  if (error.status === 403) {
    return {
      title: t('No access to this customer'),
      detail: t('Your access level does not allow viewing the SIP accounts of this customer.'),
      scopeProblem: true,
    }
  }
  if (error.status === 404) {
    return { title: t('Not found'), detail: message, scopeProblem: true }
  }
  return { title: t('Could not load SIP accounts'), detail: message, scopeProblem: false }
}

interface ListErrorProps {
  error: unknown
  retrying: boolean
  onRetry: () => void
  onResetScope: (() => void) | undefined
}

/** Why the list could not be loaded, with Retry, and the way back to one's own customer when the scope is the problem. */
export function ListError({ error, retrying, onRetry, onResetScope }: ListErrorProps) {
  const { t } = useI18n()
  const view = describeListError(error, t)
  return (
    <ErrorAlert
      title={view.title}
      onRetry={onRetry}
      retrying={retrying}
      actions={
        view.scopeProblem && onResetScope ? (
          <button type="button" className="button" onClick={onResetScope}>
            {t('Show my own customer')}
          </button>
        ) : null
      }
    >
      {view.detail}
    </ErrorAlert>
  )
}
