import { Component, type ErrorInfo, type ReactNode } from 'react'
import { t } from '../lib/i18n.ts'
import { isChunkLoadError } from '../lib/lazy.ts'

interface State {
  failed: boolean
  /** A lazy chunk (sign-in, drawer) could not be downloaded: a connection problem, not a bug. */
  chunk: boolean
}

/** The last line of defence: anything a component throws ends here, with a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false, chunk: false }

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, chunk: isChunkLoadError(error) }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for the developer console; the user sees the message below.
    console.warn('The dashboard hit an unexpected error', error, info.componentStack)
  }

  override render() {
    if (!this.state.failed) return this.props.children
    // Outside the language provider (it may be what failed): the active language at this moment.
    return (
      <main className="crash" id="main">
        <div role="alert" className="error-alert">
          <p className="error-alert-title">
            {this.state.chunk ? t('Part of the dashboard could not be downloaded.') : t('Something went wrong in the dashboard.')}
          </p>
          <p>
            {this.state.chunk ? t('Check your connection, then reload.') : t('Reloading the page usually helps.')}{' '}
            {t('Your filters are kept in the address.')}
          </p>
          <div className="error-alert-actions">
            <button type="button" className="button primary" onClick={() => window.location.reload()}>
              {t('Reload')}
            </button>
          </div>
        </div>
      </main>
    )
  }
}
