import { Component, type ErrorInfo, type ReactNode } from 'react'

interface State {
  failed: boolean
}

/** The last line of defence: anything a component throws ends here, with a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
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
          <p className="error-alert-title">Something went wrong in the dashboard.</p>
          <p>Reloading the page usually helps. Your filters are kept in the address.</p>
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
