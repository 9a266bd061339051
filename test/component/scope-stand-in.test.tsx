import { screen, waitFor } from '@testing-library/react'
import { http } from 'msw'
import { expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'

/*
 * The scope pickers' listing loads after the list's first rows (decision 016); until then stand-ins
 * with the same markup and names are on screen. A file of its own, with the app's modules loaded
 * afresh: the dom project's files share one module graph per worker (vitest.config.ts), so an
 * earlier file may already have loaded the pickers' code, and then no stand-in is ever seen.
 */
vi.resetModules()
const { dataRows, findRows, forward, recordRequests, renderApp } = await import('./render-app.tsx')
const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })

test('before the first rows the pickers are there, named, as stand-ins; one focused and typed into hands its focus and text to the real picker', async () => {
  // The list's answers wait: the first rows (after which the pickers' code loads) cannot come yet.
  let release = () => {}
  const rowsMayCome = new Promise<void>((resolve) => (release = resolve))
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      await rowsMayCome
      return forward(api, request)
    }),
  )
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'admin' })
  const standIn = await screen.findByRole('combobox', { name: 'Customer' })
  expect(standIn).toHaveAttribute('data-stand-in')
  expect(screen.getByRole('combobox', { name: 'Reseller' })).toHaveAttribute('data-stand-in')
  expect(dataRows()).toHaveLength(0)

  // Reached with Tab, as a keyboard user would. Focus starts the download of the pickers' code;
  // when it is quick (another file already had it), the real picker may take over focus before the
  // first key, else it takes over focus and the text typed so far. (Not a click: user-event presses
  // on the element it was given, and if the real picker replaced the stand-in after the hover, which
  // starts the download too, the press would land on a detached element, where a browser presses on
  // whatever is under the pointer.)
  const customer = () => screen.getByRole('combobox', { name: 'Customer' })
  for (let tabs = 0; tabs < 30 && document.activeElement !== customer(); tabs++) await user.tab()
  expect(customer()).toHaveFocus()
  await user.keyboard('Hedegaard')
  // Focus and text moved to the real picker when its code arrived, and it lists what was typed.
  await waitFor(() => expect(document.querySelector('[data-stand-in]')).toBeNull())
  const picker = screen.getByRole('combobox', { name: 'Customer' })
  expect(picker).toHaveFocus()
  expect(picker).toHaveValue('Hedegaard')
  expect(await screen.findByRole('option', { name: /Hedegaard Vognmænd/ })).toBeInTheDocument()
  await waitFor(() =>
    expect(requests.urls().some((url) => url.pathname === '/api/customer' && url.searchParams.get('filter') === 'Hedegaard')).toBe(true),
  )
  release()
  await findRows()
  requests.stop()
})
