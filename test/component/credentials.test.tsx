import { screen, within } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { DEMO_ACCOUNT_IDS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, renderApp } from './render-app.tsx'

/* Credentials at rest (OWASP ASVS V8): the SIP password on screen, and what browsers may keep of it. */

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

async function passwordOf(id: string): Promise<string> {
  const response = await api.app.fetch(
    new Request(`http://reference.test/sip/${id}`, { headers: { Authorization: `Bearer ${api.tokenFor('owner')}` } }),
  )
  const body = (await response.json()) as { password?: string }
  return body.password ?? ''
}

test('a revealed password masks itself when the drawer closes: opened again, it is masked', async () => {
  const password = await passwordOf(DEMO_ACCOUNT_IDS.primaryTrunk)
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Hovedtrunk' })
  const [row] = await findRows()
  await user.click(row as HTMLElement)
  let dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' })
  await user.click(await within(dialog).findByRole('button', { name: 'Reveal password' }))
  expect(dialog).toHaveTextContent(password)

  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  expect(document.body).not.toHaveTextContent(password)

  await user.click(row as HTMLElement)
  dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' })
  expect(await within(dialog).findByRole('button', { name: 'Reveal password' })).toBeInTheDocument()
  expect(document.body).not.toHaveTextContent(password)
})

test('the SIP password is text, not a form field: nothing in the drawer is a password input or offers autocomplete', async () => {
  const password = await passwordOf(DEMO_ACCOUNT_IDS.primaryTrunk)
  const { user } = renderApp(api, { as: 'owner', url: `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}` })
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' }, { timeout: 8000 })
  await user.click(await within(dialog).findByRole('button', { name: 'Reveal password' }))
  // What a password manager looks at: password inputs, any input, autocomplete hints, forms.
  expect(dialog.querySelectorAll('input, textarea, form, [autocomplete], [contenteditable]')).toHaveLength(0)
  expect(document.querySelectorAll('input[type="password"]')).toHaveLength(0)
  const shown = within(dialog).getByText(password)
  expect(shown.tagName).toBe('SPAN')
})

test('the sign-in password is the one password input, and it is for the user’s own login (current-password)', async () => {
  renderApp(api)
  const input = await screen.findByLabelText('Password')
  expect(input).toHaveAttribute('type', 'password')
  expect(input).toHaveAttribute('autocomplete', 'current-password')
  expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAttribute('autocomplete', 'username')
})
