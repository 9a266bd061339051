import { useEffect } from 'react'
import { msg } from '../lib/i18n.ts'
import { applyTheme, useTheme, type Theme } from '../lib/theme.ts'
import { useI18n } from '../lib/use-i18n.tsx'
import './theme-toggle.css'

const LABELS = { system: msg('System'), light: msg('Light'), dark: msg('Dark') } satisfies Record<Theme, string>

/** A labelled select: three choices, remembered per browser. */
export function ThemeToggle() {
  const { t } = useI18n()
  const [theme, setTheme] = useTheme()
  // A choice made in another tab arrives as a storage event: apply it here too.
  useEffect(() => applyTheme(theme), [theme])
  return (
    <label className="theme-toggle">
      <span>{t('Theme')}</span>
      <select value={theme} onChange={(event) => setTheme(parseTheme(event.target.value))}>
        {Object.entries(LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {t(label)}
          </option>
        ))}
      </select>
    </label>
  )
}

function parseTheme(value: string): Theme {
  return value === 'light' || value === 'dark' ? value : 'system'
}
