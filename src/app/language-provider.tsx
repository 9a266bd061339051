import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react'
import { useSessionContext } from '../features/auth/session-provider.tsx'
import { activate, activeLocale, activeMessages, t, type Locale, type Messages } from '../lib/i18n.ts'
import { pickLocale, useLanguagePreference, languagePreference } from '../lib/language.ts'
import { I18nProvider } from '../lib/use-i18n.tsx'

/** English is the code itself; Danish is a chunk of its own, fetched only for those who need it. */
function loadMessages(locale: Locale): Promise<Messages | undefined> {
  return locale === 'da' ? import('../locales/da.ts').then((module) => module.da) : Promise.resolve(undefined)
}

/**
 * Before the first render (main.tsx): a browser whose remembered or preferred language is Danish
 * gets Danish from the first paint instead of a flash of English.
 */
export async function activateInitialLanguage(): Promise<void> {
  const locale = pickLocale(languagePreference.read(), undefined)
  if (locale === activeLocale()) return
  try {
    activate(locale, await loadMessages(locale))
  } catch {
    // The chunk did not arrive: English now; the provider tries again once a session starts.
  }
}

/**
 * The page's language (docs/decisions/048): the switch's remembered choice, else the signed-in
 * user's language from the API, else the browser's. A change swaps the catalogue in place: the
 * query cache, the URL and every input keep what they have.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const { state } = useSessionContext()
  const chosen = useLanguagePreference()
  const userLanguage = state.status === 'signed-in' ? state.session.language : undefined
  const wanted = pickLocale(chosen, userLanguage)
  const [shown, setShown] = useState(() => ({ locale: activeLocale(), messages: activeMessages() }))

  useEffect(() => {
    if (wanted === shown.locale) return
    let current = true
    loadMessages(wanted).then(
      (messages) => {
        if (!current) return
        activate(wanted, messages)
        setShown({ locale: wanted, messages })
      },
      () => {
        // Offline while the Danish chunk was needed: the page stays readable in English.
      },
    )
    return () => {
      current = false
    }
  }, [wanted, shown.locale])

  // In the commit that shows the new words, not after it: `<html lang>` never disagrees with the text.
  useLayoutEffect(() => {
    document.documentElement.lang = shown.locale
    document.title = t('SIP accounts · Telecom X')
  }, [shown])

  return (
    <I18nProvider locale={shown.locale} messages={shown.messages}>
      {children}
    </I18nProvider>
  )
}
