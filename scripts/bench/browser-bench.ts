/*
 * The browser half of `npm run bench`: each function measures one user-visible figure in
 * headless Chromium against the production build, `runs` times, after one unrecorded warm-up.
 * Times are taken in the page (event.timeStamp of the input → the animation frame after the
 * expected text reached the DOM); see probe.ts.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import type { SipAccount } from '../../src/api/sip-account.ts'
import { formatPhoneNumber } from '../../src/lib/phone-number.ts'
import { App, effective, type RecordedRequest } from '../../test/e2e/harness/app.ts'
import { initScript } from '../../test/e2e/harness/browser.ts'
import type { DirectApi, Query } from '../../test/e2e/harness/api.ts'
import { installProbe, type ProbeInput, type Visible, type WaitKind } from './probe.ts'

export interface BenchEnv {
  browser: Browser
  appUrl: string
  api: DirectApi
  /** Token of the bench user, for ground truth. */
  token: string
  /** The scope every measurement looks at, as API query parameters and as the app's URL. */
  scope: Query
  runs: number
  log: (line: string) => void
}

export type Samples = Record<string, number[]>

/** Text that identifies an account's row: its first number (unique), else its name. */
export function rowKey(account: SipAccount | undefined): string {
  if (!account) throw new Error('bench: expected an account there')
  // What the row shows: the name as it is, a number grouped as the table writes it ("+45 33 07 96 95").
  const number = account.numbers?.[0]
  return account.name ?? (number === undefined ? account._id : formatPhoneNumber(number))
}

function viewPath(env: BenchEnv, extra: Query = {}): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...env.scope, ...extra })) if (value !== undefined) query.set(key, String(value))
  const search = query.toString()
  return search ? `/?${search}` : '/'
}

async function truthPage(env: BenchEnv, extra: Query = {}): Promise<SipAccount[]> {
  const list = await env.api.listSip(env.token, { ...env.scope, offset: 0, limit: 100, ...extra })
  return list.sipAccounts
}

interface BenchPage {
  app: App
  page: Page
  context: BrowserContext
  cdp: CDPSession
  close(): Promise<void>
}

async function openPage(env: BenchEnv): Promise<BenchPage> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  context.setDefaultTimeout(30_000)
  await context.addInitScript(initScript(installProbe))
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  return { app: new App(context, page, env.appUrl), page, context, cdp, close: () => context.close() }
}

async function signedInPage(env: BenchEnv, extra: Query = {}): Promise<BenchPage> {
  const bench = await openPage(env)
  await bench.app.goto(viewPath(env, extra))
  await bench.app.signInToList('reseller')
  return bench
}

async function arm(page: Page, kind: WaitKind, text: string, index = 0): Promise<void> {
  await page.evaluate(([k, t, i]) => window.__bench?.arm(k, t, i), [kind, text, index] as const)
}

async function visible(page: Page): Promise<{ visible: Visible; inputs: ProbeInput[] }> {
  return page.evaluate(async () => {
    const probe = window.__bench
    if (!probe?.pending) throw new Error('bench probe not armed')
    const result = await probe.pending
    return { visible: result, inputs: probe.inputs }
  })
}

function lastInput(inputs: ProbeInput[], type: string, moment: 'at' | 'handledAt' = 'at'): number {
  const found = inputs.filter((input) => input.type === type).at(-1)
  if (!found) throw new Error(`bench: no ${type} input recorded`)
  return found[moment]
}

async function longTasksBetween(page: Page, from: number, to: number): Promise<{ count: number; max: number; over50: number }> {
  const tasks = await page.evaluate(() => window.__bench?.longTasks ?? [])
  const inside = tasks.filter((task) => task.start + task.duration >= from && task.start <= to)
  return {
    count: inside.length,
    max: inside.reduce((max, task) => Math.max(max, task.duration), 0),
    over50: inside.filter((task) => task.duration > 50).length,
  }
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(list.map((m) => [m.name, m.value]))
}

function push(samples: Samples, name: string, value: number): void {
  ;(samples[name] ??= []).push(value)
}

/** Runs `once` warm-up + env.runs recorded times. */
async function repeat(env: BenchEnv, label: string, once: (record: boolean, run: number) => Promise<void>): Promise<void> {
  env.log(`bench: ${label} (${env.runs} runs + 1 warm-up)`)
  await once(false, -1)
  for (let run = 0; run < env.runs; run++) await once(true, run)
}

/**
 * Cold load of the list for a signed-in user: reload with the HTTP cache off → first rows painted
 * (from navigation start). The resume's validateToken is inside it; whether GET /sip waits for it
 * (a waterfall) or starts beside it shows in sipStartMs against validateTokenEndMs.
 */
export async function coldLoad(env: BenchEnv, samples: Samples): Promise<void> {
  const bench = await signedInPage(env)
  try {
    const first = rowKey((await truthPage(env))[0])
    await bench.cdp.send('Network.enable')
    await bench.cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await repeat(env, 'cold load → first rows', async (record) => {
      await bench.page.evaluate((text) => sessionStorage.setItem('bench.coldRow', text), first)
      await bench.page.reload({ waitUntil: 'commit' })
      await bench.page.waitForFunction(() => window.__bench?.cold !== null && window.__bench?.cold !== undefined, null, { timeout: 30_000 })
      const timing = await bench.page.evaluate(() => {
        const cold = window.__bench?.cold
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
        // No named helper functions in here: tsx would wrap them in a __name() the page lacks.
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
        const sip = resources.find((entry) => new URL(entry.name).pathname === '/api/sip')
        const validation = resources.find((entry) => new URL(entry.name).pathname === '/api/auth/validateToken')
        return {
          frameAt: cold?.frameAt ?? Number.NaN,
          dcl: nav?.domContentLoadedEventEnd ?? Number.NaN,
          sipStart: sip?.startTime ?? Number.NaN,
          sipEnd: sip?.responseEnd ?? Number.NaN,
          validationEnd: validation?.responseEnd ?? Number.NaN,
        }
      })
      if (!record) return
      push(samples, 'coldLoad.firstRowsMs', timing.frameAt)
      push(samples, 'coldLoad.domContentLoadedMs', timing.dcl)
      push(samples, 'coldLoad.validateTokenEndMs', timing.validationEnd)
      push(samples, 'coldLoad.sipStartMs', timing.sipStart)
      push(samples, 'coldLoad.sipResponseEndMs', timing.sipEnd)
    })
  } finally {
    await bench.close()
  }
}

/** Sign-in: click on "Sign in" → first rows painted (login incl. the server's scrypt, list fetch, render). */
export async function signInToRows(env: BenchEnv, samples: Samples): Promise<void> {
  const first = rowKey((await truthPage(env))[0])
  await repeat(env, 'sign-in → first rows', async (record) => {
    const bench = await openPage(env)
    try {
      await bench.app.goto(viewPath(env))
      await bench.app.email.fill('reseller@telecomx.test')
      await bench.app.password.fill('telecomx-demo')
      await arm(bench.page, 'first-row', first)
      await bench.app.signInButton.click()
      const { visible: shown, inputs } = await visible(bench.page)
      const click = lastInput(inputs, 'click')
      const loginEnd = await bench.page.evaluate(() => {
        const login = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/api/auth/login')
        return (login as PerformanceResourceTiming | undefined)?.responseEnd ?? Number.NaN
      })
      if (!record) return
      push(samples, 'signIn.firstRowsMs', shown.frameAt - click)
      push(samples, 'signIn.loginAnsweredMs', loginEnd - click)
    } finally {
      await bench.close()
    }
  })
}

function listRequestsAfter(requests: RecordedRequest[], since: number, offset: number): RecordedRequest[] {
  return requests
    .slice(since)
    .filter((r) => r.url.pathname === '/api/sip' && r.url.searchParams.get('full') !== 'true' && effective(r, 'offset') === String(offset))
}

/**
 * Page change. Uncached: from a deep page opened by link, "Previous page" (the app prefetches
 * only forward; each run is checked: a request for that page must go out after the click).
 * Cached: then "Next page" back to the page just seen (no request may go out).
 */
export async function pageChange(env: BenchEnv, samples: Samples): Promise<void> {
  let uncachedViolations = 0
  let cachedViolations = 0
  await repeat(env, 'page change (uncached, cached)', async (record, run) => {
    const page = 20 + (run + 1) * 7
    const bench = await signedInPage(env, { offset: page * 100 })
    try {
      const previous = rowKey((await truthPage(env, { offset: (page - 1) * 100 }))[0])
      const current = rowKey((await truthPage(env, { offset: page * 100 }))[0])
      let mark = bench.app.mark()
      await arm(bench.page, 'first-row', previous)
      await bench.app.pageButton('Previous page').click()
      let result = await visible(bench.page)
      const uncachedMs = result.visible.frameAt - lastInput(result.inputs, 'click')
      if (listRequestsAfter(bench.app.requests, mark, (page - 1) * 100).length === 0) uncachedViolations++

      mark = bench.app.mark()
      await arm(bench.page, 'first-row', current)
      await bench.app.pageButton('Next page').click()
      result = await visible(bench.page)
      const cachedMs = result.visible.frameAt - lastInput(result.inputs, 'click')
      const cachedDomMs = result.visible.domAt - lastInput(result.inputs, 'click')
      // The page's own work: from the click reaching the page to the new rows in the DOM (all of it
      // one synchronous task: the click handler, React's render and commit, and the effects).
      const cachedScriptMs = result.visible.domAt - lastInput(result.inputs, 'click', 'handledAt')
      if (listRequestsAfter(bench.app.requests, mark, page * 100).length > 0) cachedViolations++
      if (!record) return
      push(samples, 'pageChange.uncachedMs', uncachedMs)
      push(samples, 'pageChange.cachedMs', cachedMs)
      push(samples, 'pageChange.cachedDomMs', cachedDomMs)
      push(samples, 'pageChange.cachedScriptMs', cachedScriptMs)
    } finally {
      await bench.close()
    }
  })
  if (uncachedViolations > 0)
    env.log(`bench: note: ${uncachedViolations} "uncached" page changes were served without a request (prefetched)`)
  if (cachedViolations > 0) env.log(`bench: note: ${cachedViolations} "cached" page changes sent a request`)
}

/** Rows per page 100 → 500 on a fresh page: select → row 500 painted; scripting/layout ms from CDP; long tasks. */
export async function render500(env: BenchEnv, samples: Samples): Promise<void> {
  const truth = await env.api.listSip(env.token, { ...env.scope, offset: 0, limit: 500 })
  // Rows above 100 are virtualized: only a screenful (plus overscan) is ever in the DOM, so
  // "painted" is the last row fully in view, counted on the page before the switch. Starting on
  // page 2 (rows 101–200) makes the 500-row page's first rows new ones, not the ones already shown.
  await repeat(env, 'rows per page 500 render', async (record) => {
    const bench = await signedInPage(env, { offset: 100 })
    try {
      await bench.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
      const inView = await bench.page.evaluate(() => {
        const scroller = document.querySelector('.table-scroll')?.getBoundingClientRect()
        const rows = [...document.querySelectorAll('tbody tr[data-row-id]')]
        return scroller ? rows.filter((row) => row.getBoundingClientRect().bottom <= scroller.bottom).length : 0
      })
      const last = Math.max(0, Math.min(inView, truth.sipAccounts.length) - 1)
      const lastKey = rowKey(truth.sipAccounts[last])
      // Resolve the select first: Playwright's role engine must not run inside the measured window.
      const select = await bench.app.rowsPerPage.elementHandle()
      if (!select) throw new Error('bench: no Rows per page select')
      await arm(bench.page, 'row-at', lastKey, last)
      const before = await metrics(bench.cdp)
      await select.selectOption('500')
      const { visible: shown, inputs } = await visible(bench.page)
      const after = await metrics(bench.cdp)
      const start = lastInput(inputs, 'change')
      const tasks = await longTasksBetween(bench.page, start, shown.frameAt)
      // The page's own answers (condensed and, for the Customer column, full): not the next page's prefetch.
      const answeredAt = await bench.page.evaluate(() =>
        Math.max(
          ...performance
            .getEntriesByType('resource')
            .filter(
              (entry) => /\/api\/sip\?/.test(entry.name) && /[?&]limit=500\b/.test(entry.name) && !/[?&]offset=[1-9]/.test(entry.name),
            )
            .map((entry) => (entry instanceof PerformanceResourceTiming ? entry.responseEnd : 0)),
        ),
      )
      if (!record) return
      push(samples, 'rows500.selectToRowsMs', shown.frameAt - start)
      if (Number.isFinite(answeredAt) && answeredAt > 0) push(samples, 'rows500.answerToPaintedMs', shown.frameAt - answeredAt)
      push(samples, 'rows500.scriptingMs', ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000)
      push(
        samples,
        'rows500.layoutAndStyleMs',
        ((after.LayoutDuration ?? 0) -
          (before.LayoutDuration ?? 0) +
          (after.RecalcStyleDuration ?? 0) -
          (before.RecalcStyleDuration ?? 0)) *
          1000,
      )
      push(samples, 'rows500.longTasks', tasks.count)
      push(samples, 'rows500.longestTaskMs', tasks.max)
    } finally {
      await bench.close()
    }
  })
}

export const SEARCH_TEXT = 'Kontor'

/** Typing a 6-character search at ~10 keys/s: last keystroke → final rows; requests sent; long tasks. */
export async function typingSearch(env: BenchEnv, samples: Samples): Promise<void> {
  const expected = rowKey((await truthPage(env, { filter: SEARCH_TEXT }))[0])
  await repeat(env, `typing "${SEARCH_TEXT}"`, async (record) => {
    const bench = await signedInPage(env)
    try {
      await bench.app.searchBox.focus()
      const mark = bench.app.mark()
      await arm(bench.page, 'first-row', expected)
      await bench.app.searchBox.pressSequentially(SEARCH_TEXT, { delay: 100 })
      const { visible: shown, inputs } = await visible(bench.page)
      const keys = inputs.filter((input) => input.type === 'keydown')
      const firstKey = keys[0]?.at ?? Number.NaN
      const lastKey = keys.at(-1)?.at ?? Number.NaN
      const sent = bench.app.sipLists(mark).filter((r) => r.url.searchParams.get('full') !== 'true' && r.url.searchParams.has('filter'))
      // The page the user waits for (offset 0) vs the app's prefetch of the next page.
      const searches = sent.filter((r) => effective(r, 'offset') === '0')
      const tasks = await longTasksBetween(bench.page, firstKey, shown.frameAt)
      // While the keys go in (until the last key's handler ran), apart from rendering the results.
      const whileTyping = await longTasksBetween(bench.page, firstKey, lastKey + 1)
      if (!record) return
      push(samples, 'typing.lastKeyToRowsMs', shown.frameAt - lastKey)
      push(samples, 'typing.firstKeyToRowsMs', shown.frameAt - firstKey)
      push(samples, 'typing.requests', sent.length)
      push(samples, 'typing.searchRequests', searches.length)
      push(samples, 'typing.longTasks', tasks.count)
      push(samples, 'typing.longestTaskMs', tasks.max)
      push(samples, 'typing.longestTaskWhileKeysMs', whileTyping.max)
    } finally {
      await bench.close()
    }
  })
}

/**
 * Drawer: click on a row → its username painted in the dialog. "first" = the first open after a
 * page load (drawer code not loaded yet); "not prefetched" = hover and click together (a plain
 * click); "prefetched" = hover, wait until the full=true answer arrived, then click.
 */
export async function drawerOpen(env: BenchEnv, samples: Samples): Promise<void> {
  const rows = await truthPage(env)
  // Rows of the first screenful (at least 15 at 1400×900): the table renders only the rows in view.
  const candidates = rows
    .map((account, index) => ({ account, index }))
    .filter(({ account, index }) => index < 15 && !account.pbx && account.username)
  const pick = (n: number): { account: SipAccount; index: number } => {
    const found = candidates[n % candidates.length]
    if (!found) throw new Error('bench: no account with a username on the first page')
    return found
  }
  const open = async (bench: BenchPage, n: number, prefetch: boolean): Promise<number> => {
    const { account, index } = pick(n)
    const row = bench.app.rowAt(index + 2)
    if (prefetch) {
      const answered = bench.page.waitForResponse(
        (response) => {
          const url = new URL(response.url())
          return url.pathname === '/api/sip' && url.searchParams.get('full') === 'true' && effective({ url }, 'offset') === String(index)
        },
        { timeout: 10_000 },
      )
      await row.hover()
      await answered
      await bench.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    }
    await arm(bench.page, 'dialog', account.username ?? '')
    await row.locator('td, th').first().click()
    const { visible: shown, inputs } = await visible(bench.page)
    const ms = shown.frameAt - lastInput(inputs, 'click')
    await bench.page.keyboard.press('Escape')
    await bench.app.drawer.first().waitFor({ state: 'detached' })
    // Move the pointer off the table so the next row is not hovered early.
    await bench.page.mouse.move(1, 1)
    return ms
  }
  await repeat(env, 'drawer open', async (record, run) => {
    const bench = await signedInPage(env)
    try {
      await bench.page.mouse.move(1, 1)
      const first = await open(bench, 3 * (run + 1), false)
      const plain = await open(bench, 3 * (run + 1) + 1, false)
      const prefetched = await open(bench, 3 * (run + 1) + 2, true)
      if (!record) return
      push(samples, 'drawer.firstOpenMs', first)
      push(samples, 'drawer.notPrefetchedMs', plain)
      push(samples, 'drawer.prefetchedMs', prefetched)
    } finally {
      await bench.close()
    }
  })
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  return usage.usedSize
}

/** JS heap (after forced GC) at the start and after paging through 50 pages with Next. */
export async function heapAfterPaging(env: BenchEnv, samples: Samples): Promise<void> {
  const PAGES = 50
  await repeat(env, `JS heap over ${PAGES} pages`, async (record) => {
    const bench = await signedInPage(env)
    try {
      await bench.cdp.send('HeapProfiler.enable')
      const start = await heapAfterGc(bench.cdp)
      const checkpoints: number[] = []
      for (let page = 1; page <= PAGES; page++) {
        await bench.app.pageButton('Next page').click()
        await bench.page
          .getByRole('status')
          .filter({ hasText: new RegExp(`^\\s*${(page * 100 + 1).toLocaleString('en-US')}\\s*[–-]`) })
          .first()
          .waitFor()
        if (page % 10 === 0) checkpoints.push(await heapAfterGc(bench.cdp))
      }
      if (!record) return
      push(samples, 'heap.startMB', start / 1e6)
      checkpoints.forEach((bytes, i) => push(samples, `heap.after${(i + 1) * 10}PagesMB`, bytes / 1e6))
    } finally {
      await bench.close()
    }
  })
}

/**
 * CSV export of ~10,000 rows (the book's down trunks: 9,425 on the 100k database): Export CSV
 * click → the download event, with the long tasks in between. The page must stay responsive.
 */
export async function exportCsv(env: BenchEnv, samples: Samples): Promise<void> {
  const extra = { up: false }
  const total = (await env.api.listSip(env.token, { ...env.scope, ...extra, limit: 1 })).total
  await repeat(env, `export CSV of ${total.toLocaleString('en-US')} rows`, async (record) => {
    const bench = await signedInPage(env, extra)
    try {
      const button = await bench.page.getByRole('button', { name: 'Export CSV' }).elementHandle()
      if (!button) throw new Error('bench: no Export CSV button')
      const start = await bench.page.evaluate(() => performance.now())
      const before = await metrics(bench.cdp)
      const download = bench.page.waitForEvent('download', { timeout: 120_000 })
      await button.click()
      const file = await download
      const end = await bench.page.evaluate(() => performance.now())
      const after = await metrics(bench.cdp)
      const tasks = await longTasksBetween(bench.page, start, end)
      await file.cancel().catch(() => undefined)
      if (!record) return
      push(samples, 'export.totalMs', end - start)
      push(samples, 'export.rows', total)
      push(samples, 'export.scriptingMs', ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000)
      push(samples, 'export.longTasks', tasks.count)
      push(samples, 'export.longestTaskMs', tasks.max)
    } finally {
      await bench.close()
    }
  })
}
