import { LOCALES, type Locale } from '../lib/i18n.ts'
import { languagePreference } from '../lib/language.ts'
import { useI18n } from '../lib/use-i18n.tsx'
import './theme-toggle.css'

/** Each language named in itself, so whoever cannot read the page can still find their own. */
const NAMES: Record<Locale, string> = { en: 'English', da: 'Dansk' }

/** The header's language switch: applies at once, remembered per browser (docs/decisions/048). */
export function LanguageSwitch() {
  const { locale, t } = useI18n()
  return (
    <label className="theme-toggle">
      <span>{t('Language')}</span>
      <select value={locale} onChange={(event) => languagePreference.write(event.target.value === 'da' ? 'da' : 'en')}>
        {LOCALES.map((value) => (
          <option key={value} value={value} lang={value}>
            {NAMES[value]}
          </option>
        ))}
      </select>
    </label>
  )
}
