import { notifyManager } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import { http } from 'msw'
import { expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import {
  columnNames,
  dataRows,
  findRows,
  forward,
  rangeText,
  recordRequests,
  renderApp,
  rewriteSipRows,
  search,
  table,
} from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const COLUMNS = ['Name', 'Numbers', 'Status', 'Active', 'Connection', 'IP address', 'Username', 'Rate plan', 'Failover', 'Usage block']
const firstCells = () => dataRows().map((row) => row.querySelector('td')?.textContent ?? '')

test('a column header per column; missing values are an em dash, never "undefined"', async () => {
  renderApp(api, { as: 'owner' })
  await findRows()
  expect(columnNames()).toEqual(COLUMNS)
  const text = table().textContent ?? ''
  expect(text).not.toMatch(/undefined|null|NaN/)
  // The hosted-PBX trunk has no connection fields: marked as a PBX trunk with its cluster, dashes elsewhere.
  const pbx = dataRows().find((row) => row.textContent?.includes('Hosted PBX – Fjordvej'))
  expect(pbx).toBeDefined()
  expect(within(pbx as HTMLElement).getByText('PBX trunk · cluster 2')).toBeInTheDocument()
  expect(within(pbx as HTMLElement).getAllByText('—').length).toBeGreaterThanOrEqual(3)
})

test('status is a badge with text; a usage block is a warning badge', async () => {
  renderApp(api, { as: 'owner', url: '/?filter=Lager%20Kolding' })
  const [row] = await findRows()
  expect(within(row as HTMLElement).getByText('○ Down')).toHaveAttribute('title', expect.stringContaining('OFF'))
  expect(within(row as HTMLElement).getByText(/Blocked/)).toHaveClass('badge-warning')
})

test('numbers show the first one and a "+N" button opening all of them (test/component/numbers-popover.test.tsx)', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Hovedtrunk' })
  const [row] = await findRows()
  await user.click(within(row as HTMLElement).getByRole('button', { name: '3 more numbers' }))
  // The panel's code may still be on its way on the first open (decision 016).
  expect(await screen.findByRole('dialog', { name: 'Numbers of Hovedtrunk København' })).toHaveTextContent('+45 80 80 80 80')
})

test('paging walks First/Previous/Next/Last with the range text and the URL', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25' })
  await findRows()
  const button = (name: string) => screen.getByRole('button', { name })
  expect(rangeText()).toBe('1–25 of 60')
  expect(button('First page')).toBeDisabled()
  expect(button('Previous page')).toBeDisabled()

  await user.click(button('Next page'))
  await waitFor(() => expect(rangeText()).toBe('26–50 of 60'))
  expect(search().get('offset')).toBe('25')

  await user.click(button('Last page'))
  await waitFor(() => expect(rangeText()).toBe('51–60 of 60'))
  expect(dataRows()).toHaveLength(10)
  expect(button('Next page')).toBeDisabled()
  expect(button('Last page')).toBeDisabled()

  await user.click(button('Previous page'))
  await waitFor(() => expect(rangeText()).toBe('26–50 of 60'))
  await user.click(button('First page'))
  await waitFor(() => expect(rangeText()).toBe('1–25 of 60'))
  expect(search().get('offset')).toBeNull()
})

test('the next page is prefetched, and while a page loads the previous one stays, dimmed, with no jump back', async () => {
  const requests = recordRequests(api)
  // Page 2 is answered only when the test says so: the click surely comes first, on any machine.
  let answerPage2 = () => {}
  const page2Held = new Promise<void>((resolve) => (answerPage2 = resolve))
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      if (new URL(request.url).searchParams.get('offset') === '25') await page2Held
      return forward(api, request)
    }),
  )
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25' })
  await findRows()
  const page1 = firstCells()
  // Prefetched before anyone asks for it.
  await waitFor(() => expect(requests.sipLists().some((url) => url.searchParams.get('offset') === '25')).toBe(true))

  await user.click(screen.getByRole('button', { name: 'Next page' }))
  expect(search().get('offset')).toBe('25')
  expect(firstCells()).toEqual(page1)
  expect(table()).toHaveAttribute('aria-busy', 'true')
  answerPage2()
  await waitFor(() => expect(rangeText()).toBe('26–50 of 60'))
  expect(firstCells()).not.toEqual(page1)
  expect(table()).toHaveAttribute('aria-busy', 'false')
  expect(search().get('offset')).toBe('25')
  requests.stop()
})

test('rows per page: 25/50/100/250/500, default 100, and the first visible row stays on screen', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25&offset=50' })
  await findRows()
  const select = screen.getByRole('combobox', { name: 'Rows per page' })
  expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['25', '50', '100', '250', '500'])
  await user.selectOptions(select, '50')
  expect(search().get('limit')).toBe('50')
  expect(search().get('offset')).toBe('50')
  await waitFor(() => expect(rangeText()).toBe('51–60 of 60'))
  await user.selectOptions(select, '100')
  expect(search().get('limit')).toBeNull()
  expect(search().get('offset')).toBeNull()
  await waitFor(() => expect(rangeText()).toBe('1–60 of 60'))
  expect(requests.sipLists().some((url) => url.searchParams.get('limit') === '50')).toBe(true)
  requests.stop()
})

test('search is debounced, resets the offset and highlights the match', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25&offset=25' })
  await findRows()
  await user.type(screen.getByRole('searchbox', { name: 'Search' }), '80808080')
  await waitFor(() => expect(search().get('filter')).toBe('80808080'))
  expect(search().get('offset')).toBeNull()
  await waitFor(() => expect(firstCells()).toContain('Hovedtrunk København'))
  const filtered = requests.sipLists().filter((url) => url.searchParams.has('filter'))
  // Typing eight characters sent at most a couple of requests, each a prefix of what was typed.
  expect(filtered.length).toBeLessThanOrEqual(2)
  for (const url of filtered) expect('80808080'.startsWith(url.searchParams.get('filter') ?? '?')).toBe(true)
  expect(filtered.at(-1)?.searchParams.get('offset')).toBe('0')
  const marks = [...table().querySelectorAll('mark')].map((mark) => mark.textContent)
  expect(marks).toContain('80 80 80 80')
  requests.stop()
})

test('Enter searches at once; Esc clears and shows everything again', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  const box = screen.getByRole('searchbox', { name: 'Search' })
  await user.type(box, 'Hovedtrunk{Enter}')
  // No waiting for the debounce: the URL changed with the key press.
  expect(search().get('filter')).toBe('Hovedtrunk')
  await waitFor(() => expect(dataRows()).toHaveLength(1))
  await user.keyboard('{Escape}')
  expect(box).toHaveValue('')
  expect(search().get('filter')).toBeNull()
  await waitFor(() => expect(rangeText()).toBe('1–60 of 60'))
})

test('a slow older search can never overwrite a newer one (and it is aborted)', async () => {
  // The older search is held until the newer one is on screen and the app has given up on it;
  // only then is it answered (events, not a timed delay: the order is the same on any machine).
  let answerOlder = () => {}
  const olderHeld = new Promise<void>((resolve) => (answerOlder = resolve))
  let olderAborted = false
  let markAborted = () => {}
  const aborted = new Promise<void>((resolve) => (markAborted = resolve))
  let markAnswered = () => {}
  const answered = new Promise<void>((resolve) => (markAnswered = resolve))
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      if (new URL(request.url).searchParams.get('filter') === 'Lager') {
        request.signal.addEventListener('abort', () => {
          olderAborted = true
          markAborted()
        })
        await olderHeld
        const response = await forward(api, request)
        markAnswered()
        return response
      }
      return forward(api, request)
    }),
  )
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  const box = screen.getByRole('searchbox', { name: 'Search' })
  await user.type(box, 'Lager{Enter}')
  await user.clear(box)
  await user.type(box, 'Hovedtrunk{Enter}')
  await waitFor(() => expect(firstCells()).toEqual(['Hovedtrunk København']))
  await aborted
  answerOlder()
  await answered
  // Let whatever the late answer could still set off run (React Query hands results over in a task).
  await act(() => new Promise<void>((resolve) => notifyManager.schedule(resolve)))
  expect(firstCells()).toEqual(['Hovedtrunk København'])
  expect(rangeText()).toBe('1–1 of 1')
  expect(olderAborted).toBe(true)
})

test('the Status radio group sends up absent / true / false and starts from the first page', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25&offset=25' })
  await findRows()
  const group = screen.getByRole('radiogroup', { name: 'Status' })
  expect(within(group).getByRole('radio', { name: /^All\b/ })).toBeChecked()
  await user.click(within(group).getByRole('radio', { name: /^Up\b/ }))
  expect(search().get('up')).toBe('true')
  expect(search().get('offset')).toBeNull()
  await user.click(within(group).getByRole('radio', { name: /^Down\b/ }))
  expect(search().get('up')).toBe('false')
  await waitFor(() => expect(requests.sipLists().some((url) => url.searchParams.get('up') === 'false')).toBe(true))
  await waitFor(() => expect(firstCells()).toContain('Lager Kolding (spærret)'))
  await user.click(within(group).getByRole('radio', { name: /^All\b/ }))
  expect(search().get('up')).toBeNull()
  requests.stop()
})

test('invalid link values are normalised and explained, never a crash', async () => {
  const requests = recordRequests(api)
  renderApp(api, { as: 'owner', url: '/?limit=9999&offset=-5&up=maybe&account=nope' })
  await findRows()
  const notice = screen.getByText(/could not be used as they were/).closest('[role="status"]') as HTMLElement
  expect(notice).toHaveTextContent('showing 500')
  expect(notice).toHaveTextContent('Status “maybe”')
  expect(notice).toHaveTextContent('Position “-5”')
  const sent = requests.sipLists()[0]
  expect(sent?.searchParams.get('limit')).toBe('500')
  expect(sent?.searchParams.get('offset')).toBe('0')
  expect(sent?.searchParams.has('up')).toBe(false)
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  requests.stop()
})

test('back and forward restore the filter and the page exactly; nothing is silently restored', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25' })
  await findRows()
  const box = screen.getByRole('searchbox', { name: 'Search' })
  await user.type(box, 'a{Enter}')
  await waitFor(() => expect(search().get('filter')).toBe('a'))
  const filteredRange = await waitFor(() => {
    const text = rangeText()
    expect(text).not.toBe('1–25 of 60')
    return text
  })
  await user.click(screen.getByRole('button', { name: 'Next page' }))
  await waitFor(() => expect(search().get('offset')).toBe('25'))

  window.history.back()
  await waitFor(() => expect(search().get('offset')).toBeNull())
  expect(search().get('filter')).toBe('a')
  expect(box).toHaveValue('a')
  await waitFor(() => expect(rangeText()).toBe(filteredRange))

  window.history.back()
  await waitFor(() => expect(search().get('filter')).toBeNull())
  expect(box).toHaveValue('')
  await waitFor(() => expect(rangeText()).toBe('1–25 of 60'))

  window.history.forward()
  await waitFor(() => expect(box).toHaveValue('a'))
  await waitFor(() => expect(rangeText()).toBe(filteredRange))
})

test('an API page that lists one account twice shows it once (no duplicate rows, no React key clash)', async () => {
  api.server.use(
    rewriteSipRows(api, ([first, ...rest]) => {
      // The same account again, its id in capitals (ids compare case-insensitively).
      const twice = first && typeof first._id === 'string' ? { ...first, _id: first._id.toUpperCase() } : first
      return [first, ...rest.slice(0, 3), twice, ...rest.slice(3)]
    }),
  )
  renderApp(api, { as: 'owner', url: '/?limit=25' })
  const rows = await findRows()
  const ids = rows.map((row) => row.dataset.rowId?.toLowerCase())
  expect(new Set(ids).size).toBe(ids.length)
  expect(rows).toHaveLength(25)
})
