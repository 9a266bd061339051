import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { Activity, lazy, Suspense, useState } from 'react'
import { createSessionStore, type SessionStore, type SignedIn } from '../features/auth/session-store.ts'
import { SessionProvider, useSessionContext } from '../features/auth/session-provider.tsx'
import { warmFirstListPage } from '../features/sip-accounts/sip-account-api.ts'
import { SipAccountsPage } from '../features/sip-accounts/sip-accounts-page.tsx'
import { errorText } from '../lib/error-text.ts'
import { msg } from '../lib/i18n.ts'
import { useI18n } from '../lib/use-i18n.tsx'
import { AppHeader } from './app-header.tsx'
import { ErrorBoundary } from './error-boundary.tsx'
import { LanguageProvider } from './language-provider.tsx'
import { OfflineBanner } from './offline-banner.tsx'
import { SessionScope } from './session-context.tsx'
import { createQueryClient } from './query-client.ts'
import './app.css'

// Sign-in code is fetched only when someone is signed out: a resumed session never loads it.
const SignInPage = lazy(() => import('../features/auth/sign-in-page.tsx').then((m) => ({ default: m.SignInPage })))

interface AppProps {
  queryClient?: QueryClient
  sessionStore?: SessionStore
}

export function App({ queryClient, sessionStore }: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  // The shell joins the two features: on resume, auth calls this hook with the stored token and the
  // list's first page starts beside validateToken (auth never imports the list, nor the list auth's store).
  const [store] = useState(() => sessionStore ?? createSessionStore(undefined, { warmUp: warmListOnResume }))
  return (
    <ErrorBoundary>
      <QueryClientProvider client={client}>
        <SessionProvider store={store}>
          <LanguageProvider>
            <OfflineBanner />
            <Shell />
          </LanguageProvider>
        </SessionProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  )
}

function warmListOnResume(token: string): () => void {
  return warmFirstListPage(token, window.location.search)
}

function Shell() {
  const { state, resume, signOut } = useSessionContext()
  const { t } = useI18n()
  if (state.status === 'resuming') {
    return (
      <main className="splash" id="main" aria-busy="true">
        <p role="status">{t('Resuming your session…')}</p>
      </main>
    )
  }
  if (state.status === 'resume-failed') {
    return (
      <main className="splash" id="main">
        <div role="alert" className="error-alert">
          <p className="error-alert-title">{t('Your session could not be resumed.')}</p>
          <p>{errorText(state.error, msg('Your session could not be resumed.'), t)}</p>
          <div className="error-alert-actions">
            <button type="button" className="button primary" onClick={resume}>
              {t('Retry')}
            </button>
            <button type="button" className="button" onClick={() => signOut('initial')}>
              {t('Sign in again')}
            </button>
          </div>
        </div>
      </main>
    )
  }
  if (state.status === 'signed-out') {
    return (
      <>
        {/* After an expiry the page stays, hidden and inactive (nothing fetches, the drawer closes), so
            whatever was typed survives; the next sign-in replaces it with a fresh one. */}
        {state.previous ? (
          <Activity mode="hidden">
            <SignedInApp key={state.previous.generation} signedIn={state.previous} live={false} />
          </Activity>
        ) : null}
        <Suspense fallback={<main className="splash" id="main" aria-busy="true" />}>
          <SignInPage reason={state.reason} />
        </Suspense>
      </>
    )
  }
  // Same position and shape as above, so an expired page is the same element, only hidden.
  return (
    <>
      <Activity mode="visible">
        <SignedInApp key={state.generation} signedIn={state} live />
      </Activity>
      {null}
    </>
  )
}

/** Keyed by sign-in: a new session starts from fresh components, nothing of the last one survives. */
function SignedInApp({ signedIn, live }: { signedIn: SignedIn; live: boolean }) {
  return (
    <SessionScope session={signedIn.session} live={live}>
      <div className="app">
        <AppHeader />
        <main id="main" className="app-main">
          <SipAccountsPage />
        </main>
      </div>
    </SessionScope>
  )
}
