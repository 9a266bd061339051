import { useEffect } from 'react'
import { isId } from '../../../api/ids.ts'

/**
 * Where a plain `/` lands a level with scope: `reseller=<own customer id>` (decision 041). A resume
 * starts the first page before validateToken has said who is signed in (decision 029), so the tab
 * remembers that id beside the token: the early request is then the landing page, not the own
 * customer's, which the list would throw away. Only an id, only for the signed-in tab, gone with it.
 */
export const LANDING_HINT_KEY = 'telecomx:list-landing'

/** The remembered landing reseller, if any (never throws: storage may be unavailable). */
export function readLandingHint(): string | undefined {
  try {
    const value = globalThis.sessionStorage?.getItem(LANDING_HINT_KEY)
    return value && isId(value) ? value : undefined
  } catch {
    return undefined
  }
}

/** Remembers the landing reseller while the signed-in list is shown; forgotten on sign-out and expiry. */
export function useLandingHint(reseller: string | undefined): void {
  useEffect(() => {
    if (!reseller) return
    try {
      sessionStorage.setItem(LANDING_HINT_KEY, reseller)
    } catch {
      return
    }
    return () => {
      try {
        sessionStorage.removeItem(LANDING_HINT_KEY)
      } catch {
        // Nothing to forget.
      }
    }
  }, [reseller])
}
