import { useEffect, useState } from 'react'
import { useI18n } from '../lib/use-i18n.tsx'
import './copy-button.css'

type CopyState = { status: 'idle' } | { status: 'copied' | 'failed'; attempt: number }

const CONFIRMATION_MS = 2000

/**
 * Copies exactly `value` and says so for a moment in a status region (announced by screen
 * readers, seen next to the button). The label names what is copied ("Copy IP address"), so only
 * a value the caller chose to show can ever reach the clipboard. The button reads "Copy" beside
 * the value it copies, or `text` where it stands alone ("Copy connection details").
 */
export function CopyButton({ value, label, text }: { value: string; label: string; text?: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<CopyState>({ status: 'idle' })

  // Each click is a new object, so a second click restarts the two seconds.
  useEffect(() => {
    if (state.status === 'idle') return
    const timer = setTimeout(() => setState({ status: 'idle' }), CONFIRMATION_MS)
    return () => clearTimeout(timer)
  }, [state])

  const copy = async () => {
    const attempt = Date.now()
    try {
      // navigator.clipboard is missing outside secure contexts: that is a failure, not a crash.
      await navigator.clipboard.writeText(value)
      setState({ status: 'copied', attempt })
    } catch {
      setState({ status: 'failed', attempt })
    }
  }

  return (
    <span className="copy">
      <button type="button" className="button small quiet" aria-label={label} onClick={() => void copy()}>
        {text ?? t('Copy')}
      </button>
      <span role="status" className={state.status === 'failed' ? 'copy-status is-failed' : 'copy-status'}>
        {state.status === 'copied' ? t('Copied') : state.status === 'failed' ? t('Copy failed') : ''}
      </span>
    </span>
  )
}
