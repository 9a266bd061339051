import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { describeListError } from './list-messages.ts'

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
