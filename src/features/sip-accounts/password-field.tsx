import { useEffect, useState } from 'react'
import { CopyButton } from '../../components/copy-button.tsx'

/** A revealed password masks itself again after this long (and whenever the drawer closes). */
export const REVEAL_MS = 30_000

/** The SIP password, masked until "Reveal password"; Copy works without revealing it. */
export function PasswordField({ password }: { password: string }) {
  const [revealed, setRevealed] = useState(false)

  useEffect(() => {
    if (!revealed) return
    const timer = setTimeout(() => setRevealed(false), REVEAL_MS)
    return () => clearTimeout(timer)
  }, [revealed])

  return (
    <span className="value-with-actions">
      <span className="mono">{revealed ? password : '••••••••••••'}</span>
      <button type="button" className="button small quiet" onClick={() => setRevealed(!revealed)}>
        {revealed ? 'Hide password' : 'Reveal password'}
      </button>
      <CopyButton value={password} label="Copy password" />
    </span>
  )
}
