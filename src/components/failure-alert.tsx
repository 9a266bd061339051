import { useI18n } from '../lib/use-i18n.tsx'
import { ErrorAlert } from './error-alert.tsx'

export interface FailureProps {
  /** Its code could not be downloaded (offline), rather than the part failing to render. */
  chunk: boolean
  onRetry: () => void
  onClose: () => void
}

/** What a lazy part that cannot be shown says in its place: why, Retry and Close (lazy-boundary.tsx). */
export function FailureAlert({ chunk, onRetry, onClose }: FailureProps) {
  const { t } = useI18n()
  return (
    <ErrorAlert
      title={chunk ? t('This part of the dashboard could not be downloaded.') : t('This could not be shown.')}
      onRetry={onRetry}
      actions={
        <button type="button" className="button" onClick={onClose} data-autofocus="">
          {t('Close')}
        </button>
      }
    >
      {chunk ? t('Check your connection and try again. If it keeps failing, reload the page.') : t('Try again, or reload the page.')}
    </ErrorAlert>
  )
}
