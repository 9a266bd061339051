import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { DEMO_USERS, type DemoUserKey } from '../../server/demo-users.ts'
import { App } from '../../src/app/app.tsx'
import { createQueryClient } from '../../src/app/query-client.ts'
import { TOKEN_KEY } from '../../src/features/auth/session-store.ts'
import type { ReferenceApi } from '../reference-api.ts'

export interface RenderAppOptions {
  /** Path and query to start at, e.g. `/?filter=x`. */
  url?: string
  /** Start signed in as this demo user (a stored token, resumed like after a reload). */
  as?: DemoUserKey
}

/** Renders the whole dashboard as a browser would load it, with a fresh QueryClient (no retries). */
export function renderApp(api: ReferenceApi, { url = '/', as }: RenderAppOptions = {}) {
  window.history.replaceState(null, '', url)
  if (as) sessionStorage.setItem(TOKEN_KEY, api.tokenFor(as))
  const queryClient = createQueryClient({ retry: false })
  const user = userEvent.setup()
  const view = render(<App queryClient={queryClient} />)
  return { ...view, user, queryClient }
}

export function table() {
  return screen.getByRole('table', { name: 'SIP accounts' })
}

/*
 * Why the row and cell helpers are not plain role queries over every cell: in jsdom a role query
 * works out each candidate's implicit role by matching it against ~100 selectors, then calls
 * getComputedStyle on it (is it hidden?), which right after a render costs milliseconds per element.
 * A list of 100 rows holds 1,000 cells and waitFor re-runs its callback on every DOM change, so
 * polling `findAllByRole('cell')` kept the CPU busy with its own checks, starved the app it was
 * waiting for, and a whole-app test took 20–40 s. The table is found by role and accessible name
 * (which checks that it and its ancestors are shown), its rows by role; the cells of a data row
 * are its <td> elements (what the cell role is in a table), and a row hidden from assistive
 * technology (the aria-hidden skeleton rows) is not a data row.
 */

/** Data rows of the list (the header row holds column headers, not cells). */
export function dataRows(): HTMLElement[] {
  return within(table())
    .queryAllByRole('row', { hidden: true })
    .filter((row) => row.closest('[aria-hidden="true"]') === null && cellsOf(row).length > 0)
}

/** The cells of a data row, in column order. */
export function cellsOf(row: HTMLElement): HTMLElement[] {
  return [...row.children].filter((cell): cell is HTMLTableCellElement => cell instanceof HTMLTableCellElement && cell.tagName === 'TD')
}

/**
 * Waits for the first rows of the list, and for the parts that load right after them to replace
 * their stand-ins (decision 016: a test that holds a stand-in's element would hold a detached one):
 * polls one cheap check, then finds the rows by role once.
 */
export async function findRows(): Promise<HTMLElement[]> {
  await waitFor(
    () => {
      // A plain selector first (skeleton rows are aria-hidden: not rows of data); the role queries
      // run only once it matches.
      const cell = document.querySelector('table[aria-label="SIP accounts"] > tbody > tr:not([aria-hidden="true"]) > td')
      if (cell === null || dataRows().length === 0) throw new Error('no data rows in the SIP accounts table yet')
      if (document.querySelector('[data-stand-in]')) throw new Error('a stand-in still waits for its code')
    },
    { timeout: 8000 },
  )
  return dataRows()
}

/** Waits for a data cell whose text matches (rows by role, their cells by cellsOf: see above). */
export async function findCell(text: RegExp): Promise<HTMLElement> {
  let found: HTMLElement | undefined
  await waitFor(() => {
    found = dataRows()
      .flatMap(cellsOf)
      .find((cell) => text.test(cell.textContent ?? ''))
    if (!found) throw new Error(`no data cell matches ${String(text)}`)
  })
  if (!found) throw new Error('unreachable')
  return found
}

export function rangeText(): string {
  return screen.getAllByRole('status').find((el) => / of /.test(el.textContent ?? ''))?.textContent ?? ''
}

export function search(): URLSearchParams {
  return new URLSearchParams(window.location.search)
}

/** Answers a GET from the reference server directly: for handlers that delay or inspect first. */
export function forward(api: ReferenceApi, request: Request): Promise<Response> {
  return api.answer(request)
}

/** Records the /api requests the page sends (URL and headers), for asserting what went out. */
export function recordRequests(api: ReferenceApi): {
  urls: () => URL[]
  sipLists: () => URL[]
  statusCounts: () => URL[]
  stop: () => void
} {
  const seen: URL[] = []
  const listener = ({ request }: { request: Request }) => void seen.push(new URL(request.url))
  api.server.events.on('request:start', listener)
  const sip = () => seen.filter((url) => url.pathname === '/api/sip')
  return {
    urls: () => [...seen],
    /** The list's GET /sip pages (and the drawer's), not the Status filter's counts. */
    sipLists: () => sip().filter((url) => !isStatusCount(url)),
    /** The Status filter's counts: GET /sip with limit=1, condensed (decision 043). */
    statusCounts: () => sip().filter(isStatusCount),
    stop: () => api.server.events.removeListener('request:start', listener),
  }
}

/** A Status filter count (limit=1, no full=true); the drawer's limit=1 asks full=true. */
function isStatusCount(url: URL): boolean {
  return url.searchParams.get('limit') === '1' && url.searchParams.get('full') !== 'true'
}

export function columnNames(): string[] {
  return within(table())
    .getAllByRole('columnheader')
    .map((th) => th.textContent ?? '')
}

type JsonRow = Record<string, unknown>

/**
 * An MSW handler for GET /sip that answers from the reference server, then lets `rewrite` change
 * the page's rows (an API that misbehaves in one particular way). Use with `api.server.use(…)`.
 */
export function rewriteSipRows(api: ReferenceApi, rewrite: (rows: JsonRow[]) => unknown[]) {
  return http.get('*/api/sip', async ({ request }) => {
    const response = await forward(api, request)
    const body: unknown = await response.clone().json()
    if (typeof body !== 'object' || body === null || !('sipAccounts' in body) || !Array.isArray(body.sipAccounts)) return response
    const rows = body.sipAccounts.filter((row): row is JsonRow => typeof row === 'object' && row !== null)
    return HttpResponse.json({ ...body, sipAccounts: rewrite(rows) })
  })
}

/** Fills and sends the sign-in form as a demo user (another password to try a wrong one). */
export async function signInAs(user: ReturnType<typeof userEvent.setup>, key: DemoUserKey, password: string = DEMO_USERS[key].password) {
  await user.type(await screen.findByRole('textbox', { name: 'Email' }), DEMO_USERS[key].email)
  await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}
