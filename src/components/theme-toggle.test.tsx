import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { ThemeToggle } from './theme-toggle.tsx'
import { applyStoredTheme } from '../lib/theme.ts'

test('the chosen theme applies at once and is remembered for the next visit', async () => {
  const user = userEvent.setup()
  const { unmount } = render(<ThemeToggle />)
  const select = screen.getByRole('combobox', { name: 'Theme' })
  expect(select).toHaveValue('system')
  expect(document.documentElement).not.toHaveAttribute('data-theme')

  await user.selectOptions(select, 'Dark')
  expect(document.documentElement).toHaveAttribute('data-theme', 'dark')

  unmount()
  document.documentElement.removeAttribute('data-theme')
  applyStoredTheme()
  expect(document.documentElement).toHaveAttribute('data-theme', 'dark')
  render(<ThemeToggle />)
  expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark')

  await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'System')
  expect(document.documentElement).not.toHaveAttribute('data-theme')
})

test('a garbled stored value falls back to the system setting', () => {
  localStorage.setItem('telecomx:theme:v1', '"purple"')
  render(<ThemeToggle />)
  expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('system')
})
