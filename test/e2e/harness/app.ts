/*
 * A thin driver over one browser page of the dashboard: it finds things the way a screen-reader
 * user would (roles and accessible names from the issue-3 contract) and records every request
 * the page sends, so each test can assert both what the user sees and what went over the wire.
 */
import type { BrowserContext, Locator, Page, Request } from 'playwright-core'
import { expect } from 'vitest'
import { DEMO_USERS, type DemoUser, type DemoUserKey } from '../../../server/demo-users.ts'

export interface RecordedRequest {
  url: URL
  method: string
  headers: Record<string, string>
  at: number
}

/** Defaults the API applies when a parameter is absent (shared reference). */
const API_DEFAULTS: Record<string, string> = { offset: '0', limit: '100' }

/** A parameter as the API understands it: the sent value, or the API's default when absent. */
export function effective(request: Pick<RecordedRequest, 'url'>, name: string): string | null {
  return request.url.searchParams.get(name) ?? API_DEFAULTS[name] ?? null
}

/** "101–200 of 1,234" → { from: 101, to: 200, total: 1234 }. */
export function parseRange(text: string): { from: number; to: number; total: number } | null {
  const match = /([\d.,\u00a0\u202f ]+)\s*[–—-]\s*([\d.,\u00a0\u202f ]+)\s+of\s+([\d.,\u00a0\u202f ]+)/.exec(text)
  if (!match) return null
  const number = (s: string | undefined): number => Number((s ?? '').replace(/[^\d]/g, ''))
  return { from: number(match[1]), to: number(match[2]), total: number(match[3]) }
}

export const WAIT = { timeout: 10_000, interval: 50 } as const

export class App {
  readonly requests: RecordedRequest[] = []
  readonly dialogs: string[] = []
  readonly pageErrors: string[] = []
  /** Every token the API handed this page (login responses), to prove none ends up in a URL. */
  readonly tokens = new Set<string>()

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly appUrl: string,
  ) {
    page.on('request', (request: Request) => {
      this.requests.push({ url: new URL(request.url()), method: request.method(), headers: request.headers(), at: Date.now() })
    })
    page.on('response', (response) => {
      if (new URL(response.url()).pathname !== '/api/auth/login' || response.status() !== 200) return
      response
        .json()
        .then((body: unknown) => {
          if (typeof body === 'object' && body !== null && 'token' in body && typeof body.token === 'string') this.tokens.add(body.token)
        })
        .catch(() => undefined)
    })
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss().catch(() => undefined)
    })
    page.on('pageerror', (error) => this.pageErrors.push(error.message))
  }

  // --- navigation -------------------------------------------------------------------------

  async goto(pathAndQuery = '/'): Promise<void> {
    await this.page.goto(new URL(pathAndQuery, this.appUrl).href)
  }

  /** The current URL's list state (`?filter=&up=&offset=&limit=&customer=&reseller=&account=`). */
  search(): URLSearchParams {
    return new URL(this.page.url()).searchParams
  }

  // --- sign-in ----------------------------------------------------------------------------

  get email(): Locator {
    return this.page.getByRole('textbox', { name: 'Email' })
  }
  get password(): Locator {
    return this.page.getByLabel('Password', { exact: true })
  }
  get signInButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign in', exact: true })
  }

  /** Signs in through the form (answering a second-factor step if the user has one). */
  async signIn(user: DemoUserKey): Promise<void> {
    const demo: DemoUser = DEMO_USERS[user]
    await this.email.fill(demo.email)
    await this.password.fill(demo.password)
    await this.signInButton.click()
    const code = demo.smsKey ?? demo.authenticatorToken
    if (code !== undefined) {
      const codeBox = this.page.getByRole('textbox', { name: 'Code' })
      await codeBox.fill(code)
      await this.page.getByRole('button', { name: 'Sign in', exact: true }).click()
    }
  }

  /**
   * Signs in and waits for the first rows of the list, and for the table to settle: a page above 40
   * rows that showed whole (the virtualizer's code was not loaded yet) switches to rendering only
   * the rows in view when the browser is idle (DataTable); a test or a benchmark should not see that
   * switch halfway through.
   */
  async signInToList(user: DemoUserKey): Promise<void> {
    await this.signIn(user)
    await this.waitForRows()
    // Playwright's own wait, not expect.poll: the benchmark signs in through here too, outside vitest.
    const table = await this.table.elementHandle()
    await this.page.waitForFunction(
      (element) =>
        !element ||
        element.querySelectorAll('tbody tr[aria-rowindex]').length <= 40 ||
        element.querySelector('tbody tr.spacer-row') !== null,
      table,
      { timeout: WAIT.timeout },
    )
  }

  // --- the list ---------------------------------------------------------------------------

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'SIP accounts' })
  }
  get table(): Locator {
    return this.page.getByRole('table', { name: 'SIP accounts' })
  }
  /** Data rows: rows that hold cells (the header row holds column headers). */
  get rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') })
  }
  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' })
  }
  get statusGroup(): Locator {
    return this.page.getByRole('radiogroup', { name: 'Status' })
  }
  /** A Status radio by its word; its name goes on with the count ("Down 426", decision 043). */
  statusRadio(name: 'All' | 'Up' | 'Down'): Locator {
    return this.statusGroup.getByRole('radio', { name: new RegExp(`^${name}\\b`) })
  }
  get rowsPerPage(): Locator {
    return this.page.getByRole('combobox', { name: 'Rows per page' })
  }
  pageButton(name: 'First page' | 'Previous page' | 'Next page' | 'Last page'): Locator {
    return this.page.getByRole('button', { name, exact: true })
  }
  /** The status region that holds "1–100 of 1,234". */
  get range(): Locator {
    return this.page.getByRole('status').filter({ hasText: / of / })
  }
  get alert(): Locator {
    return this.page.getByRole('alert')
  }
  get drawer(): Locator {
    return this.page.getByRole('dialog')
  }

  async waitForRows(): Promise<void> {
    await this.rows.first().waitFor({ state: 'visible' })
  }

  /**
   * The list page is complete: rows, the Status filter's counts and the Customer column's names
   * (both arrive after the rows, decisions 042 and 043). For tests that record every later change.
   */
  async waitForListComplete(): Promise<void> {
    await this.waitForRows()
    await this.statusGroup.getByRole('radio', { name: /^Down [\d,]+$/ }).waitFor()
    const waiting = () =>
      this.rows.evaluateAll((rows) => rows.some((row) => [...row.querySelectorAll('td')].some((td) => td.textContent === '…')))
    await expect.poll(waiting, WAIT).toBe(false)
  }

  async rangeValue(): Promise<{ from: number; to: number; total: number } | null> {
    const texts = await this.range.allTextContents()
    for (const text of texts) {
      const parsed = parseRange(text)
      if (parsed) return parsed
    }
    return null
  }

  /** Waits until the range text reads exactly from–to of total. */
  async expectRange(from: number, to: number, total: number): Promise<void> {
    await expect.poll(() => this.rangeValue(), WAIT).toEqual({ from, to, total })
  }

  /** The text of each data row's first cell (the Name column). */
  async rowNames(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => (row.querySelector('th, td')?.textContent ?? '').trim()))
  }

  /** The data row at this `aria-rowindex` (header = 1, so a page's first row is firstRowIndex + 2), when it is rendered. */
  rowAt(rowIndex: number): Locator {
    return this.table.locator(`tbody tr[aria-rowindex="${rowIndex}"]`)
  }

  /**
   * Every row of the page by its `aria-rowindex` → its first cell's text. The table renders only the
   * rows in view once its virtualizer is loaded, so this scrolls it from top to bottom, half a view
   * at a time, waiting at each stop until the rows in view are rendered.
   */
  async pageRows(): Promise<Map<number, string>> {
    const seen = new Map<number, string>()
    do {
      await this.rowsRenderedAt(this.scroller)
      const rows = await this.rows.evaluateAll((list) =>
        list.map((row) => [Number(row.getAttribute('aria-rowindex')), (row.querySelector('th, td')?.textContent ?? '').trim()] as const),
      )
      for (const [index, name] of rows) seen.set(index, name)
    } while (await this.scrollHalfAView())
    await this.scroller.evaluate((element) => {
      element.scrollTop = 0
    })
    return seen
  }

  /** Scrolls the table down, half a view at a time, until `target` is rendered (a long page renders only the rows in view). */
  async scrollRowsTo(target: Locator): Promise<void> {
    while ((await target.count()) === 0) {
      if (!(await this.scrollHalfAView())) throw new Error('scrollRowsTo: reached the end of the table without finding the target')
      await this.rowsRenderedAt(this.scroller)
    }
  }

  private get scroller(): Locator {
    return this.page.locator('.table-scroll').first()
  }

  /** Scrolls the table down by half its view; false when it was already at the end. */
  private async scrollHalfAView(): Promise<boolean> {
    return this.scroller.evaluate((element) => {
      const before = element.scrollTop
      element.scrollTop += Math.max(40, Math.floor(element.clientHeight / 2))
      return element.scrollTop !== before
    })
  }

  /**
   * Waits until the virtualizer has rendered the rows at the middle and at the bottom of the
   * scroller's view (it does so after the scroll event): a row covers each of those lines.
   */
  private async rowsRenderedAt(scroller: Locator): Promise<void> {
    const rendered = () =>
      scroller.evaluate((element) => {
        const view = element.getBoundingClientRect()
        const rows = [...element.querySelectorAll('tbody tr[aria-rowindex]')].map((row) => row.getBoundingClientRect())
        const covered = (y: number) => rows.some((rect) => rect.top <= y && rect.bottom >= y)
        // The bottom line: the last pixel row inside the view, or the table's own end when it is shorter.
        const bottom = Math.min(view.bottom, element.querySelector('tbody')?.getBoundingClientRect().bottom ?? view.bottom) - 2
        return covered(view.top + view.height / 2) && covered(bottom)
      })
    await expect.poll(rendered, WAIT).toBe(true)
  }

  async rowTexts(): Promise<string[]> {
    return this.rows.allTextContents()
  }

  /** Header cells of the table, in order. */
  async columnNames(): Promise<string[]> {
    return (await this.table.getByRole('columnheader').allTextContents()).map((text) => text.trim())
  }

  // --- requests ---------------------------------------------------------------------------

  /** A position in the request log: `since(mark)` gives what went out afterwards. */
  mark(): number {
    return this.requests.length
  }

  apiRequests(path: string, since = 0): RecordedRequest[] {
    return this.requests.slice(since).filter((request) => request.url.pathname === `/api${path}`)
  }

  /** GET /sip list requests (not /sip/:id, not the Status filter's counts) sent since the mark. */
  sipLists(since = 0): RecordedRequest[] {
    return this.apiRequests('/sip', since).filter((request) => !isStatusCount(request.url))
  }

  /** The Status filter's counts: GET /sip with limit=1, condensed (decision 043). */
  statusCounts(since = 0): RecordedRequest[] {
    return this.apiRequests('/sip', since).filter((request) => isStatusCount(request.url))
  }

  /** Waits until a GET /sip request sent since `since` satisfies `matches`, and returns it. */
  async waitForSipList(since: number, matches: (request: RecordedRequest) => boolean): Promise<RecordedRequest> {
    await expect
      .poll(() => this.sipLists(since).some(matches), {
        ...WAIT,
        message: `a GET /api/sip request like that; sent: ${this.describe(since)}`,
      })
      .toBe(true)
    const found = this.sipLists(since).find(matches)
    if (!found) throw new Error('unreachable')
    return found
  }

  describe(since = 0): string {
    return (
      this.requests
        .slice(since)
        .filter((request) => request.url.pathname.startsWith('/api/'))
        .map((request) => `${request.method} ${request.url.pathname}${request.url.search}`)
        .join(', ') || '(none)'
    )
  }

  /** Problems any test must not have: a token in a URL, a dialog, an uncaught exception. */
  async invariantViolations(): Promise<string[]> {
    const problems: string[] = []
    for (const token of this.tokens) {
      // The one documented exception (decisions 021, 028): validateToken takes the token as ?token=,
      // from fetch only. Anywhere else — another request, another parameter, the address bar — fails.
      const leaked = this.requests.find((request) => request.url.href.includes(token) && !isDocumentedTokenCheck(request.url, token))
      if (leaked) problems.push(`the token appeared in a URL: ${leaked.method} ${leaked.url.pathname}`)
      if (this.page.url().includes(token)) problems.push('the token appeared in the address bar')
      const stored = await this.page
        .evaluate((t) => Object.keys(localStorage).some((key) => (localStorage.getItem(key) ?? '').includes(t)), token)
        .catch(() => false)
      if (stored) problems.push('the token was written to localStorage')
    }
    for (const request of this.requests) {
      if (!request.url.pathname.startsWith('/api/') || request.url.pathname === '/api/auth/login') continue
      const auth = request.headers.authorization
      if (auth !== undefined && !/^Bearer \S+$/.test(auth)) problems.push(`malformed Authorization header on ${request.url.pathname}`)
    }
    if (this.dialogs.length > 0) problems.push(`unexpected dialogs: ${this.dialogs.join(' | ')}`)
    if (this.pageErrors.length > 0) problems.push(`uncaught exceptions in the page: ${this.pageErrors.join(' | ')}`)
    return problems
  }
}

/** GET /api/auth/validateToken?token=<token>[&extend=true]: the token there and nowhere else in the URL. */
function isDocumentedTokenCheck(url: URL, token: string): boolean {
  if (url.pathname !== '/api/auth/validateToken' || url.searchParams.get('token') !== token) return false
  const rest = new URL(url.href)
  rest.searchParams.delete('token')
  return !rest.href.includes(token)
}

/** A Status filter count (limit=1, no full=true); the drawer's limit=1 asks full=true. */
function isStatusCount(url: URL): boolean {
  return url.searchParams.get('limit') === '1' && url.searchParams.get('full') !== 'true'
}
