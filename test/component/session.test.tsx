import { screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { dataRows, findRows, recordRequests, renderApp, search, signInAs as signIn } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const names = (rows: HTMLElement[]) => rows.map((row) => row.querySelector('td')?.textContent ?? '')

test('an expired token shows the sign-in; signing in returns to the same URL with the search kept', async () => {
  const requests = recordRequests(api)
  const { user, queryClient } = renderApp(api, { as: 'manager', url: '/?limit=25' })
  await findRows()
  // The next page's prefetch (sent once the page is painted) is answered before the token expires:
  // it is the search below that meets the expired token.
  await waitFor(() => expect(requests.sipLists().some((url) => url.searchParams.get('offset') === '25')).toBe(true))
  await waitFor(() => expect(queryClient.isFetching()).toBe(0))
  requests.stop()
  // From now on the API rejects the token, as after 15 minutes.
  api.server.use(
    http.get('*/api/sip', () => HttpResponse.json({ error: { code: 'expired', message: 'Token expired', status: 401 } }, { status: 401 })),
  )
  // Pasted, not typed key by key: on a busy machine the search's debounce could end between two
  // keys, and the 401 would end the session on "Konto".
  await user.click(screen.getByRole('searchbox', { name: 'Search' }))
  await user.paste('Kontor')
  expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument()
  expect(search().get('filter')).toBe('Kontor')
  expect(search().get('limit')).toBe('25')
  // Nothing of the ended session stays in the cache.
  expect(
    queryClient
      .getQueryCache()
      .findAll({ queryKey: ['sip-accounts'] })
      .some((q) => q.state.data !== undefined),
  ).toBe(false)

  api.server.resetHandlers()
  await signIn(user, 'manager')
  await findRows()
  expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('Kontor')
  expect(search().get('filter')).toBe('Kontor')
  expect(search().get('limit')).toBe('25')
})

test('switching user never shows the previous user’s rows, not even for a frame', async () => {
  const { user } = renderApp(api, { as: 'admin' })
  const adminNames = new Set(names(await findRows()))
  // The admin's page is complete: its status counts and customer names (which arrive after the rows)
  // are in, so what is recorded below comes from the sign-out, not from this page filling in.
  await waitFor(() => {
    expect(screen.getByRole('radio', { name: /^Down [\d,]+$/ })).toBeInTheDocument()
    expect(document.querySelector('tbody')?.textContent).not.toContain('…')
  })
  // Record every row name that is ever in the DOM from the moment of signing out (the admin's page
  // may still be filling in, e.g. its customer names and status counts, until then).
  const seen = new Set<string>()
  let signingOut = false
  const observer = new MutationObserver(() => {
    if (!signingOut) return
    for (const name of names([...document.querySelectorAll<HTMLElement>('tbody tr')])) seen.add(name)
  })
  observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  // Recording starts as the click reaches the button, before the app handles it (React listens at
  // the root, after the target): a mutation while the pointer is still on its way (a clock ticking,
  // a late prefetch) would otherwise record the admin's rows while they are rightly still shown.
  const signOut = screen.getByRole('button', { name: 'Sign out' })
  signOut.addEventListener('click', () => (signingOut = true), { once: true })
  await user.click(signOut)
  await signIn(user, 'viewer')
  const viewerRows = names(await findRows())
  const viewerNames = new Set(viewerRows)
  await waitFor(() => expect(screen.getByRole('banner')).toHaveTextContent('Villads Viewer'))
  observer.disconnect()
  const adminOnly = [...adminNames].filter((name) => !viewerNames.has(name))
  expect(adminOnly.length).toBeGreaterThan(0)
  expect([...seen].filter((name) => adminOnly.includes(name))).toEqual([])
  expect(names(dataRows())).toEqual(viewerRows)
})
