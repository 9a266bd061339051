import { screen, waitFor } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { dataRows, findRows, renderApp, search } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const button = (name: string) => screen.queryByRole('button', { name })

test('a search that finds nothing offers "Clear search" (and no status button): it clears the URL and the box, and the rows come back', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=zzqqxxnomatch' })
  await screen.findByText(/No account matches/)
  expect(button('Show all statuses')).toBeNull()
  await user.click(await screen.findByRole('button', { name: 'Clear search' }))
  expect(search().get('filter')).toBeNull()
  await findRows()
  expect(dataRows().length).toBeGreaterThan(0)
  const box = screen.getByRole('searchbox', { name: 'Search' })
  expect(box).toHaveValue('')
  expect(box).toHaveFocus()
})

test('an empty status filter offers "Show all statuses": it drops up= (keeping the search) and the rows come back', async () => {
  // The PBX trunk has no status: it is neither up nor down.
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Hosted%20PBX&up=true&offset=0' })
  await screen.findByText(/No account matches/)
  expect(button('Clear search')).not.toBeNull()
  await user.click(await screen.findByRole('button', { name: 'Show all statuses' }))
  expect(search().get('up')).toBeNull()
  expect(search().get('filter')).toBe('Hosted PBX')
  const rows = await findRows()
  expect(rows[0]?.textContent).toContain('Hosted PBX – Fjordvej')
  expect(screen.getByRole('radio', { name: /^All\b/ })).toBeChecked()
})

test('Back after "Clear search" returns to the empty result, with its way out again', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=zzqqxxnomatch' })
  await user.click(await screen.findByRole('button', { name: 'Clear search' }))
  await findRows()
  // Back: the empty result again, with its way out.
  window.history.back()
  await waitFor(() => expect(search().get('filter')).toBe('zzqqxxnomatch'))
  await screen.findByRole('button', { name: 'Clear search' })
  expect(button('Show all statuses')).toBeNull()
})
