import { useEffect } from 'react'
import { applyTheme, useTheme, type Theme } from '../lib/theme.ts'
import './theme-toggle.css'

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/** A labelled select: three choices, remembered per browser. */
export function ThemeToggle() {
  const [theme, setTheme] = useTheme()
  // A choice made in another tab arrives as a storage event: apply it here too.
  useEffect(() => applyTheme(theme), [theme])
  return (
    <label className="theme-toggle">
      <span>Theme</span>
      <select value={theme} onChange={(event) => setTheme(parseTheme(event.target.value))}>
        {Object.entries(LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  )
}

function parseTheme(value: string): Theme {
  return value === 'light' || value === 'dark' ? value : 'system'
}
