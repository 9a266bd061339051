import { act, screen, within } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { applyStoredTheme } from '../../src/lib/theme.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const THEME_KEY = 'telecomx:theme:v1'
const html = document.documentElement

afterEach(() => html.removeAttribute('data-theme'))

const themeSelect = () => within(screen.getByRole('banner')).getByRole('combobox', { name: 'Theme' })

test('the header offers the theme; a choice applies at once and is there again after a reload', async () => {
  const first = renderApp(api, { as: 'owner' })
  await findRows()
  expect(themeSelect()).toHaveValue('system')
  expect(html).not.toHaveAttribute('data-theme')

  await first.user.selectOptions(themeSelect(), 'Dark')
  expect(html).toHaveAttribute('data-theme', 'dark')
  expect(localStorage.getItem(THEME_KEY)).toBe('"dark"')

  // A reload: a fresh page runs main.tsx (applyStoredTheme) before the app renders.
  first.unmount()
  html.removeAttribute('data-theme')
  applyStoredTheme()
  expect(html).toHaveAttribute('data-theme', 'dark')
  const second = renderApp(api, { as: 'owner' })
  await findRows()
  expect(themeSelect()).toHaveValue('dark')

  await second.user.selectOptions(themeSelect(), 'Light')
  expect(html).toHaveAttribute('data-theme', 'light')
  await second.user.selectOptions(themeSelect(), 'System')
  expect(html).not.toHaveAttribute('data-theme')
  expect(localStorage.getItem(THEME_KEY)).toBe('"system"')
})

test('a theme chosen in another tab applies here too', async () => {
  renderApp(api, { as: 'viewer' })
  await findRows()
  act(() => {
    localStorage.setItem(THEME_KEY, '"dark"')
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_KEY, newValue: '"dark"' }))
  })
  expect(themeSelect()).toHaveValue('dark')
  expect(html).toHaveAttribute('data-theme', 'dark')
})
