import { createContext, use, useMemo, type ReactNode } from 'react'
import { translator, type Locale, type Messages, type Translate } from './i18n.ts'

export interface I18n {
  locale: Locale
  /** The key (English ICU text) in the page's language, with `values` filled in. */
  t: Translate
}

// Without a provider (a component rendered alone in a test): English.
const Context = createContext<I18n>({ locale: 'en', t: translator('en', undefined) })

/**
 * Provides the page's language. A new language is a new `t`, so every component that reads it
 * re-renders at once (memoised ones too): no reload, no refetch. The app shell owns which
 * language that is (src/app/language-provider.tsx).
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages | undefined; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale, messages) }), [locale, messages])
  return <Context value={value}>{children}</Context>
}

/** The page's language and its translate function. Any component that shows text calls this. */
export function useI18n(): I18n {
  return use(Context)
}
