import { useSyncExternalStore } from 'react'
import * as z from 'zod/mini'
import { storedPreference } from './stored-preference.ts'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export const themePreference = storedPreference('theme', 1, z.enum(THEMES), 'system')

/** Sets `data-theme` on <html>; 'system' leaves it to prefers-color-scheme in the CSS. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement) {
  if (theme === 'system') root.removeAttribute('data-theme')
  else root.dataset.theme = theme
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const theme = useSyncExternalStore(themePreference.subscribe, themePreference.read, () => 'system' as const)
  return [theme, setTheme]
}

function setTheme(theme: Theme) {
  themePreference.write(theme)
  applyTheme(theme)
}

/** Call once before the first render so a remembered theme shows without a flash. */
export function applyStoredTheme() {
  applyTheme(themePreference.read())
}
