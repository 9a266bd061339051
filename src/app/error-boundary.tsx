import { Component, type ErrorInfo, type ReactNode } from 'react'

interface State {
  failed: boolean
  /** A lazy chunk (sign-in, drawer) could not be downloaded: a connection problem, not a bug. */
  chunk: boolean
}

/** Chromium, Firefox and Safari word a failed dynamic import differently; Vite adds its CSS preload. */
const CHUNK_FAILURE = /dynamically imported module|Importing a module script failed|Unable to preload CSS|error loading dynamically imported module/i

export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_FAILURE.test(error.message)
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
    return (
      <main className="crash" id="main">
        <div role="alert" className="error-alert">
          <p className="error-alert-title">
            {this.state.chunk ? 'Part of the dashboard could not be downloaded.' : 'Something went wrong in the dashboard.'}
          </p>
          <p>
            {this.state.chunk ? 'Check your connection, then reload.' : 'Reloading the page usually helps.'} Your filters are kept in
            the address.
          </p>
          <div className="error-alert-actions">
            <button type="button" className="button primary" onClick={() => window.location.reload()}>
              Reload
            </button>
          </div>
        </div>
      </main>
    )
  }
}
