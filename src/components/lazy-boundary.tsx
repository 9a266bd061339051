import { Component, Suspense, useEffect, useState, type ReactNode } from 'react'
import { forgetFailedDownloads, isChunkLoadError, lazyComponent } from '../lib/lazy.ts'
import type { FailedDialogProps } from './failed-dialog.tsx'
import { FailureAlert } from './failure-alert.tsx'

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

/** Nothing while the lazy code below downloads; its failure (offline) or a throw is caught here. */
abstract class LazyBoundary<P extends { children: ReactNode }> extends Component<P, State> {
  override state: State = { error: undefined }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown') }
  }

  override componentDidCatch(error: unknown): void {
    console.warn('A part of the dashboard could not be shown', error)
  }

  protected retry = (): void => {
    forgetFailedDownloads()
    this.setState({ error: undefined })
  }

  protected abstract failure(chunk: boolean): ReactNode

  override render() {
    if (this.state.error === undefined) return <Suspense fallback={null}>{this.props.children}</Suspense>
    return this.failure(isChunkLoadError(this.state.error))
  }
}

/**
 * Around a lazily loaded dialog or drawer: if its download fails (offline) or it throws, a small
 * dialog says so with Retry and Close, and the page behind keeps working instead of falling to the
 * app-wide error screen.
 */
export class LazyDialogBoundary extends LazyBoundary<LazyDialogBoundaryProps> {
  protected override failure(chunk: boolean): ReactNode {
    return <Failure title={this.props.title} chunk={chunk} onRetry={this.retry} onClose={this.props.onClose} />
  }
}

/** Around a lazily loaded part of the page itself (the empty result): its failure is an alert in place, with Retry. */
export class LazyPartBoundary extends LazyBoundary<{ children: ReactNode }> {
  protected override failure(chunk: boolean): ReactNode {
    return <FailureAlert chunk={chunk} onRetry={this.retry} />
  }
}

/**
 * The failure as a dialog. Should even the dialog's code not download (offline before the page
 * fetched it), the same alert stands in place instead.
 */
function Failure({ title, ...failure }: FailedDialogProps) {
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
