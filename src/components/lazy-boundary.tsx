import { Component, Suspense, type ReactNode } from 'react'
import { forgetFailedDownloads, isChunkLoadError } from '../lib/lazy.ts'
import { ErrorAlert } from './error-alert.tsx'
import { Dialog } from './dialog.tsx'

interface LazyDialogBoundaryProps {
  /** The dialog's title, kept when it cannot be shown. */
  title: string
  onClose: () => void
  children: ReactNode
}

interface State {
  error: unknown
}

/**
 * Around a lazily loaded dialog or drawer: while its code downloads nothing shows; if the download
 * fails (offline) or the dialog throws, a small dialog says so with Retry and Close, and the page
 * behind keeps working instead of falling to the app-wide error screen.
 */
export class LazyDialogBoundary extends Component<LazyDialogBoundaryProps, State> {
  override state: State = { error: undefined }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown') }
  }

  override componentDidCatch(error: unknown): void {
    console.warn(`${this.props.title} could not be shown`, error)
  }

  override render() {
    if (this.state.error === undefined) return <Suspense fallback={null}>{this.props.children}</Suspense>
    return (
      <FailedDialog
        title={this.props.title}
        chunk={isChunkLoadError(this.state.error)}
        onRetry={() => {
          forgetFailedDownloads()
          this.setState({ error: undefined })
        }}
        onClose={this.props.onClose}
      />
    )
  }
}

function FailedDialog({ title, chunk, onRetry, onClose }: { title: string; chunk: boolean; onRetry: () => void; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={onClose}>
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
    </Dialog>
  )
}
