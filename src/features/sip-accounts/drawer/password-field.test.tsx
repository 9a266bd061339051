import { act, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, test, vi } from 'vitest'
import { PasswordField, REVEAL_MS } from './password-field.tsx'

afterEach(() => {
  vi.useRealTimers()
})

test('the password is masked until revealed, and masks itself again after 30 seconds', () => {
  vi.useFakeTimers()
  render(<PasswordField password="eh378gi2ufvhghug" />)
  expect(screen.queryByText('eh378gi2ufvhghug')).not.toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: 'Reveal password' }))
  expect(screen.getByText('eh378gi2ufvhghug')).toBeInTheDocument()
  act(() => vi.advanceTimersByTime(REVEAL_MS))
  expect(screen.queryByText('eh378gi2ufvhghug')).not.toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Reveal password' })).toBeInTheDocument()
})

test('Copy copies the password without revealing it', async () => {
  const user = userEvent.setup()
  render(<PasswordField password="eh378gi2ufvhghug" />)
  await user.click(screen.getByRole('button', { name: 'Copy password' }))
  expect(await navigator.clipboard.readText()).toBe('eh378gi2ufvhghug')
  expect(screen.queryByText('eh378gi2ufvhghug')).not.toBeInTheDocument()
  expect(screen.getByText('Copied')).toBeInTheDocument()
})
