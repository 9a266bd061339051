import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { TOKEN_KEY } from '../../src/features/auth/session-store.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 60_000 })

async function confirmSignOutEverywhere(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }))
  const dialog = await screen.findByRole('dialog', { name: 'Sign out everywhere?' })
  await user.click(within(dialog).getByRole('button', { name: 'Sign out on all devices' }))
}

test('Sign out everywhere after the token already ended elsewhere: the 401 ends the local session, no "wrong password"', async () => {
  const { user, queryClient } = renderApp(api, { as: 'owner' })
  await findRows()
  const token = sessionStorage.getItem(TOKEN_KEY) ?? ''
  // Another device signed out everywhere first: this token is dead.
  await api.app.fetch(new Request('http://api.test/auth/logout', { headers: { Authorization: `Bearer ${token}` } }))

  await confirmSignOutEverywhere(user)
  expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument()
  expect(screen.getByRole('textbox', { name: 'Email' })).toBeInTheDocument()
  expect(screen.queryByText('Wrong email or password.')).not.toBeInTheDocument()
  expect(screen.queryByRole('dialog', { name: 'Sign out everywhere?' })).not.toBeInTheDocument()
  expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
  expect(
    queryClient
      .getQueryCache()
      .findAll({ queryKey: ['sip-accounts'] })
      .some((q) => q.state.data !== undefined),
  ).toBe(false)
})

test('Sign out everywhere that fails for another reason keeps the session and says what happened', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  api.server.use(
    http.get('*/api/auth/logout', () =>
      HttpResponse.json({ error: { code: 'unavailable', message: 'Busy', status: 503 } }, { status: 503 }),
    ),
  )
  await confirmSignOutEverywhere(user)
  const dialog = await screen.findByRole('dialog', { name: 'Sign out everywhere?' })
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('The Telecom X API had a problem')
  expect(within(dialog).queryByText('Wrong email or password.')).not.toBeInTheDocument()
  expect(sessionStorage.getItem(TOKEN_KEY)).not.toBeNull()
})
