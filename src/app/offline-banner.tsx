import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { isApiError } from '../api/api-error.ts'
import { useI18n } from '../lib/use-i18n.tsx'
import './offline-banner.css'

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

const isOnline = () => navigator.onLine
const onServer = () => true

/**
 * Says when the dashboard cannot reach the API: the browser is offline, or requests fail at the
 * network level (a dead Wi-Fi that still claims to be online, a VPN drop, the API host down).
 * It clears by itself: when the browser is back online, or when any query succeeds again.
 * Rendered only while there is something to say, so it never adds an empty landmark or status.
 */
export function OfflineBanner() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const online = useSyncExternalStore(subscribeOnline, isOnline, onServer)
  const [unreachable, setUnreachable] = useState(false)

  useEffect(() => {
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return
      const { action } = event
      // 'failed' is an attempt that will be retried, 'error' the last one: either shows the network is down.
      if ((action.type === 'failed' || action.type === 'error') && isApiError(action.error) && action.error.kind === 'network') {
        setUnreachable(true)
      } else if (action.type === 'success' && !action.manual) {
        setUnreachable(false)
      }
    })
    // Back online: paused queries resume, and if they fail again the banner comes back with them.
    const online = () => setUnreachable(false)
    window.addEventListener('online', online)
    return () => {
      unsubscribe()
      window.removeEventListener('online', online)
    }
  }, [queryClient])

  if (online && !unreachable) return null
  return (
    <div role="status" aria-label={t('Connection')} className="offline-banner">
      <p>
        <strong>{online ? t('Cannot reach the Telecom X API.') : t('You are offline.')}</strong>{' '}
        {online
          ? t('What you see may be outdated; it updates once the API answers again.')
          : t('What you see may be outdated; it updates when the connection is back.')}
      </p>
    </div>
  )
}
