import { useEffect, useRef } from 'react'

/** A handler that returns false declines the key: it is left to the browser (no preventDefault). */
export type HotkeyMap = Record<string, (event: KeyboardEvent) => boolean | void>

/** True when the key press belongs to a text field, select or editable element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type)
  }
  return false
}

/**
 * Page-wide single-key shortcuts ("/", "?", "j", "ArrowLeft" …). Ignored while the user types in
 * a field, when a modifier is held (browser shortcuts stay the browser's), when a dialog is
 * open and `enabled` is false, or after another handler already took the key.
 */
export function useHotkeys(keys: HotkeyMap, enabled = true) {
  const latest = useRef(keys)
  useEffect(() => {
    latest.current = keys
  })
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
      if (isTypingTarget(event.target)) return
      const handler = latest.current[event.key]
      if (!handler || handler(event) === false) return
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
