import { screen, waitFor, within } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { DEMO_ACCOUNT_IDS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { dataRows, findRows, recordRequests, renderApp, search } from './render-app.tsx'

const api = setupReferenceApi()
// Each test renders the whole app over the reference server; a shared CI machine needs the room.
vi.setConfig({ testTimeout: 45_000 })

// The demo customer's main trunk holds +4570305050 (its first number) among others.
const TRUNK = 'Hovedtrunk København'
const firstCells = () => dataRows().map((row) => row.querySelector('td')?.textContent ?? '')
const rowNamed = (name: string) => dataRows().find((row) => row.querySelector('td')?.textContent === name)
/** The distinct marked texts of a row (a number may be listed twice: in the cell and its "more" list). */
const marks = (row: HTMLElement) => [...new Set([...row.querySelectorAll('mark')].map((mark) => mark.textContent))]
const lastFilter = (requests: ReturnType<typeof recordRequests>) =>
  requests
    .sipLists()
    .filter((url) => url.searchParams.has('filter'))
    .at(-1)
    ?.searchParams.get('filter')

type User = ReturnType<typeof renderApp>['user']

async function searchFor(user: User, text: string) {
  const box = screen.getByRole('searchbox', { name: 'Search' })
  await user.clear(box)
  // Pasted, as numbers usually arrive (from a mail or a web page); Enter searches at once.
  await user.paste(text)
  await user.keyboard('{Enter}')
}

test('a number typed in pairs with +45 finds what the digits find, sends E.164 and marks the grouped number', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()

  await searchFor(user, '70305050')
  await waitFor(() => expect(firstCells()).toContain(TRUNK))
  const byDigits = firstCells()

  await searchFor(user, '+45 70 30 50 50')
  await waitFor(() => expect(lastFilter(requests)).toBe('+4570305050'))
  await waitFor(() => expect(firstCells()).toEqual(byDigits))
  // The box and the shareable URL keep what was typed; only the request is normalized.
  expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('+45 70 30 50 50')
  expect(search().get('filter')).toBe('+45 70 30 50 50')

  const row = rowNamed(TRUNK) as HTMLElement
  expect(within(row).getAllByText('+45 70 30 50 50', { selector: 'mark' }).length).toBeGreaterThan(0)
  // Run-together numbers are shown grouped everywhere: in the row and in its numbers popover.
  expect(row.textContent).not.toContain('+4570305050')
  await user.click(within(row).getByRole('button', { name: '3 more numbers' }))
  // The panel's code may still be on its way on the first open (decision 016).
  expect(await screen.findByRole('dialog', { name: `Numbers of ${TRUNK}` })).toHaveTextContent('+45 70 30 50 51')
})

test('pairs without a country code send the digits, and the match is marked inside the grouped number', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  await searchFor(user, '70 30 50 50')
  await waitFor(() => expect(lastFilter(requests)).toBe('70305050'))
  await waitFor(() => expect(firstCells()).toContain(TRUNK))
  expect(marks(rowNamed(TRUNK) as HTMLElement)).toEqual(['70 30 50 50'])
})

test('0045 becomes +, and a link with a typed number is searched normalized but shown as typed', async () => {
  const requests = recordRequests(api)
  renderApp(api, { as: 'owner', url: `/?filter=${encodeURIComponent('0045 70 30 50 50')}` })
  await findRows()
  await waitFor(() => expect(firstCells()).toContain(TRUNK))
  expect(lastFilter(requests)).toBe('+4570305050')
  expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('0045 70 30 50 50')
  expect(marks(rowNamed(TRUNK) as HTMLElement)).toEqual(['+45 70 30 50 50'])
})

test('an IP fragment is sent unchanged and still finds by IP address', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  await searchFor(user, '77.66.100')
  await waitFor(() => expect(lastFilter(requests)).toBe('77.66.100'))
  await waitFor(() => expect(firstCells()).toContain(TRUNK))
  expect(marks(rowNamed(TRUNK) as HTMLElement)).toContain('77.66.100')
})

test('the drawer shows the numbers grouped, and Copy still copies E.164', async () => {
  const { user } = renderApp(api, { as: 'owner', url: `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}` })
  const dialog = await screen.findByRole('dialog', { name: TRUNK }, { timeout: 8000 })
  expect(await within(dialog).findByText('+45 80 80 80 80', {}, { timeout: 8000 })).toBeInTheDocument()
  expect(dialog.textContent).not.toContain('+4580808080')
  await user.click(within(dialog).getByRole('button', { name: 'Copy number +4580808080' }))
  expect(await navigator.clipboard.readText()).toBe('+4580808080')
})
