import { Component, Suspense, useEffect, useState, type ReactNode } from 'react'
import { forgetFailedDownloads, isChunkLoadError, lazyComponent } from '../lib/lazy.ts'
import { FailureAlert, type FailureProps } from './failure-alert.tsx'

// The failure dialog, and the modal code under it, are not needed until something fails: the page
// fetches them once its first content is shown (preloadFailedDialog), or a failure does.
const failedDialog = lazyComponent(() => import('./failed-dialog.tsx').then((module) => module.FailedDialog))
const FailedDialog = failedDialog.Component
export const preloadFailedDialog = failedDialog.preload

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
      <Failure
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

/**
 * The failure as a dialog. Should even the dialog's code not download (offline before the page
 * fetched it), the same alert stands in place instead.
 */
function Failure({ title, ...failure }: FailureProps & { title: string }) {
  const [dialog, setDialog] = useState<'loading' | 'here' | 'missing'>(failedDialog.isLoaded() ? 'here' : 'loading')
  useEffect(() => {
    if (dialog !== 'loading') return
    let live = true
    failedDialog.load().then(
      () => live && setDialog('here'),
      () => live && setDialog('missing'),
    )
    return () => {
      live = false
    }
  }, [dialog])
  if (dialog === 'here') return <FailedDialog title={title} {...failure} />
  return dialog === 'missing' ? <FailureAlert {...failure} /> : null
}
