import { useSyncExternalStore } from 'react'
import * as z from 'zod/mini'
import { LOCALES, toLocale, type Locale } from './i18n.ts'
import { storedPreference } from './stored-preference.ts'

/** The header's language switch, remembered per browser; null = follow the user (or the browser). */
export const languagePreference = storedPreference('language', 1, z.nullable(z.enum(LOCALES)), null)

export function useLanguagePreference(): Locale | null {
  return useSyncExternalStore(languagePreference.subscribe, languagePreference.read, () => null)
}

/** Before sign-in: the browser's preferred language, da* → Danish, anything else → English. */
export function browserLocale(): Locale {
  return toLocale(typeof navigator === 'undefined' ? undefined : (navigator.languages?.[0] ?? navigator.language))
}

/**
 * Which language a page speaks: the switch's choice if one was made in this browser, else the
 * signed-in user's `language` from the API (unknown values → English), else (signed out, or the
 * API said nothing) the browser's.
 */
export function pickLocale(chosen: Locale | null, userLanguage: string | null | undefined): Locale {
  if (chosen) return chosen
  if (userLanguage) return toLocale(userLanguage)
  return browserLocale()
}
