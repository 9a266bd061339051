import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { CopyButton } from '../../../components/copy-button.tsx'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { useStableCallback } from '../../../lib/use-stable-callback.ts'

/** A revealed password masks itself again after this long (and whenever the drawer closes). */
export const REVEAL_MS = 30_000

const MASK = '••••••••••••'

/**
 * The SIP password, masked until "Reveal password"; Copy works without revealing it.
 *
 * Shown as plain text, never in an <input type="password">, so no browser offers to save or
 * autofill it. The text is written by a layout effect rather than rendered: when the session ends
 * the page is hidden with <Activity>, which runs effect cleanups in that same commit but re-renders
 * the hidden tree only later, at idle priority. The cleanup masks the text at once, so a revealed
 * password never stays in the DOM, not even hidden, once the drawer closes or the session ends.
 */
export function PasswordField({ password, onRevealedChange }: { password: string; onRevealedChange?: (revealed: boolean) => void }) {
  const { t } = useI18n()
  const [revealed, setRevealed] = useState(false)
  const text = useRef<HTMLSpanElement>(null)

  // Tells the drawer while the password is on screen (its "Copy connection details" includes it
  // only then); masked again or gone, it hears false in the same commit.
  const report = useStableCallback((shown: boolean) => onRevealedChange?.(shown))
  useLayoutEffect(() => {
    if (!revealed) return
    report(true)
    return () => report(false)
  }, [revealed, report])

  useLayoutEffect(() => {
    const node = text.current
    if (!node) return
    node.textContent = revealed ? password : MASK
    return () => {
      node.textContent = MASK
    }
  }, [revealed, password])

  useEffect(() => {
    if (!revealed) return
    const timer = setTimeout(() => setRevealed(false), REVEAL_MS)
    return () => clearTimeout(timer)
  }, [revealed])

  return (
    <span className="value-with-actions">
      {/* No React children: the layout effect above owns this text. */}
      <span className="mono" ref={text} />
      <button type="button" className="button small quiet" onClick={() => setRevealed(!revealed)}>
        {revealed ? t('Hide password') : t('Reveal password')}
      </button>
      <CopyButton value={password} label={t('Copy password')} />
    </span>
  )
}
