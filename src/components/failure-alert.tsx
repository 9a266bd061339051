import { useI18n } from '../lib/use-i18n.tsx'
import { ErrorAlert } from './error-alert.tsx'

export interface FailureProps {
  /** Its code could not be downloaded (offline), rather than the part failing to render. */
  chunk: boolean
  onRetry: () => void
  /** A dialog's part offers Close too; a part of the page itself stays where it is. */
  onClose?: (() => void) | undefined
}

/** What a lazy part that cannot be shown says in its place: why, Retry and (for a dialog's) Close (lazy-boundary.tsx). */
export function FailureAlert({ chunk, onRetry, onClose }: FailureProps) {
  const { t } = useI18n()
  return (
    <ErrorAlert
      title={chunk ? t('This part of the dashboard could not be downloaded.') : t('This could not be shown.')}
      onRetry={onRetry}
      actions={
        onClose ? (
          <button type="button" className="button" onClick={onClose} data-autofocus="">
            {t('Close')}
          </button>
        ) : null
      }
    >
      {chunk ? t('Check your connection and try again. If it keeps failing, reload the page.') : t('Try again, or reload the page.')}
    </ErrorAlert>
  )
}
