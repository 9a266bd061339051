import { ErrorAlert } from './error-alert.tsx'

export interface FailureProps {
  /** Its code could not be downloaded (offline), rather than the part failing to render. */
  chunk: boolean
  onRetry: () => void
  onClose: () => void
}

/** What a lazy part that cannot be shown says in its place: why, Retry and Close (lazy-boundary.tsx). */
export function FailureAlert({ chunk, onRetry, onClose }: FailureProps) {
  return (
    <ErrorAlert
      title={chunk ? 'This part of the dashboard could not be downloaded.' : 'This could not be shown.'}
      onRetry={onRetry}
      actions={
        <button type="button" className="button" onClick={onClose} data-autofocus="">
          Close
        </button>
      }
    >
      {chunk ? 'Check your connection and try again. If it keeps failing, reload the page.' : 'Try again, or reload the page.'}
    </ErrorAlert>
  )
}
