import { notifyManager } from '@tanstack/react-query'
import { act, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { createStore } from '../../server/store.ts'
import { FLASH_MS } from '../../src/features/sip-accounts/list/use-status-flips.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { advance, installFakeClock } from './fake-clock.ts'
import { cellsOf, dataRows, findRows, recordRequests, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

afterEach(() => {
  vi.useRealTimers()
  setVisibility('visible')
})

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' })
  // As browsers fire it: at the document, bubbling to the window (where React Query listens).
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
}

/**
 * waitFor for a test whose intervals are fake (Testing Library's waitFor polls with setInterval):
 * checks on real time and does not move the fake clock.
 */
async function settles(check: () => void): Promise<void> {
  for (const started = performance.now(); ;) {
    try {
      check()
      return
    } catch (error) {
      if (performance.now() - started > 5000) throw error
    }
    await act(() => new Promise<void>((resolve) => notifyManager.schedule(resolve)))
  }
}

const statusCell = (row: HTMLElement) => cellsOf(row)[2]
const liveText = () => screen.getByText(/^Updated |^Could not refresh|^Offline/)

test('refreshes every 30 s while the tab is visible, pauses while hidden, catches up on return', async () => {
  // The page's clock is the test's: Date and intervals (the 30 s refresh, the 1 s "… ago" tick) are
  // fake and stand still unless advanced, so "12 s ago" is exact however slow the machine. Timeouts
  // stay real: MSW, React Query's hand-over and React run as usual.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
  const requests = recordRequests(api)
  renderApp(api, { as: 'owner' })
  await findRows()
  const firstPage = () =>
    requests.sipLists().filter((url) => !url.searchParams.has('offset') || url.searchParams.get('offset') === '0').length
  const initial = firstPage()
  expect(liveText()).toHaveTextContent('Updated just now')

  await act(() => vi.advanceTimersByTimeAsync(12_000))
  expect(liveText()).toHaveTextContent('Updated 12 s ago')
  await act(() => vi.advanceTimersByTimeAsync(18_000))
  await settles(() => expect(firstPage()).toBe(initial + 1))
  await settles(() => expect(liveText()).toHaveTextContent('Updated just now'))

  setVisibility('hidden')
  await act(() => vi.advanceTimersByTimeAsync(95_000))
  expect(firstPage()).toBe(initial + 1)

  setVisibility('visible')
  await settles(() => expect(firstPage()).toBe(initial + 2))
  requests.stop()
})

test('Refresh fetches now; a trunk whose status flipped is highlighted and announced', async () => {
  // The highlight's few seconds run on a fake clock: jumped over, not waited for.
  installFakeClock()
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  const row = rows.find((r) => /Up/.test(statusCell(r)?.textContent ?? '') && r.dataset.rowId)
  const id = row?.dataset.rowId
  const name = row?.querySelector('td')?.textContent
  if (!row || !id || !name) throw new Error('no trunk that is up on the first page')

  createStore(api.db).setStatus(id, 'OFF')
  await user.click(screen.getByRole('button', { name: 'Refresh' }))
  const flipped = () => dataRows().find((r) => r.dataset.rowId === id)
  await waitFor(() => expect(statusCell(flipped() as HTMLElement)).toHaveTextContent('Down'))
  expect(flipped()).toHaveClass('is-flashed')
  expect(screen.getByText(`Status changed: ${name} is now down.`)).toBeInTheDocument()
  // Only the flipped trunk lights up.
  expect(dataRows().filter((r) => r.classList.contains('is-flashed'))).toHaveLength(1)

  // A refresh with no change keeps nothing new lit; the highlight fades after a few seconds.
  await advance(FLASH_MS)
  await waitFor(() => expect(flipped()).not.toHaveClass('is-flashed'))
})

test('a failed refresh keeps the rows, marked as old, with the error; the next good refresh clears it', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  const count = rows.length
  api.server.use(
    http.get('*/api/sip', () => HttpResponse.json({ error: { code: 'down', message: 'Maintenance', status: 503 } }, { status: 503 }), {
      once: true,
    }),
  )
  await user.click(screen.getByRole('button', { name: 'Refresh' }))
  await waitFor(() => expect(liveText()).toHaveTextContent(/^Could not refresh · showing data from/))
  expect(screen.getByRole('alert')).toBeInTheDocument()
  expect(dataRows()).toHaveLength(count)

  await user.click(screen.getByRole('button', { name: 'Refresh' }))
  await waitFor(() => expect(liveText()).toHaveTextContent('Updated just now'))
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('offline: the rows stay, marked as offline data; back online the list refreshes by itself', async () => {
  // Date and intervals stand still (see the first test): "just now" holds however slow the machine.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  act(() => void window.dispatchEvent(new Event('offline')))
  try {
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await settles(() => expect(liveText()).toHaveTextContent(/^Offline · showing data from just now$/))
    expect(dataRows()).toHaveLength(rows.length)
    const sent = requests.sipLists().length
    act(() => void window.dispatchEvent(new Event('online')))
    await settles(() => expect(requests.sipLists().length).toBeGreaterThan(sent))
    await settles(() => expect(liveText()).toHaveTextContent('Updated just now'))
  } finally {
    act(() => void window.dispatchEvent(new Event('online')))
    requests.stop()
  }
})
