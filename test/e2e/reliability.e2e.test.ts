import { DEMO_ACCOUNT_IDS, DEMO_USERS } from '../../server/demo-users.ts'
import { WAIT } from './harness/app.ts'
import { axeViolations } from './harness/axe.ts'
import { expect, test } from './harness/fixtures.ts'

declare global {
  interface Window {
    __seen?: string[]
    __observer?: MutationObserver
    __cspViolations?: string[]
  }
}

test('offline: a banner appears, the rows stay, a page asked for meanwhile loads when the connection is back, and the banner clears', async ({
  app,
}) => {
  await app.goto('/')
  await app.signInToList('owner')
  const banner = app.page.getByRole('status', { name: 'Connection' })
  expect(await banner.count()).toBe(0)
  // The first rows: a long page may switch to rendering only the rows in view meanwhile (when idle).
  const rowsBefore = (await app.rowNames()).slice(0, 10)
  // The pointer off the rows: hovering one prefetches its drawer, whose chunk cannot load offline
  // (an unhandled rejection today; reported, not this test's subject).
  await app.page.mouse.move(0, 0)

  await app.context.setOffline(true)
  await expect.poll(() => banner.textContent(), WAIT).toContain('You are offline.')
  expect((await app.rowNames()).slice(0, 10)).toEqual(rowsBefore)
  // The banner keeps the page at zero axe violations (all default rules, best practice included).
  expect(await axeViolations(app)).toEqual([])

  // Asked for while offline: the request waits (paused, not failed), nothing is replaced by an error.
  await app.pageButton('Next page').click()
  await expect.poll(() => app.search().get('offset'), WAIT).toBe('100')
  expect(await app.alert.count()).toBe(0)

  await app.context.setOffline(false)
  await app.expectRange(101, 200, (await app.rangeValue())?.total ?? 0)
  await expect.poll(() => banner.count(), WAIT).toBe(0)
  expect(await app.alert.count()).toBe(0)
})

test('a 503 from the API is retried: passing on the third attempt the user sees rows, no error', async ({ app }) => {
  await app.goto('/')
  await app.email.waitFor()
  let failures = 0
  await app.page.route(
    (url) => url.pathname === '/api/sip',
    async (route) => {
      // The list's page, not the Status filter's counts (limit=1), which retry on their own.
      const count = new URL(route.request().url()).searchParams.get('limit') === '1'
      if (failures < 2 && !count) {
        failures += 1
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'Busy', status: 503 } }),
        })
      } else await route.fallback()
    },
  )
  const mark = app.mark()
  await app.signInToList('owner')
  expect(failures).toBe(2)
  // Three GET /sip for the first page (two 503, one answer), with a pause between them.
  const firstPage = app.sipLists(mark).filter((request) => (request.url.searchParams.get('offset') ?? '0') === '0')
  expect(firstPage.length).toBe(3)
  const [a, b, c] = firstPage.map((request) => request.at)
  expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(400)
  expect((c ?? 0) - (b ?? 0)).toBeGreaterThanOrEqual(900)
  expect(await app.alert.count()).toBe(0)
})

test('a 503 that persists is shown after the retries, with Retry, never as an empty list; Retry recovers', async ({ app }) => {
  await app.goto('/')
  await app.email.waitFor()
  let down = true
  await app.page.route(
    (url) => url.pathname === '/api/sip',
    async (route) => {
      if (down)
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'Busy', status: 503 } }),
        })
      else await route.fallback()
    },
  )
  const mark = app.mark()
  await app.signIn('owner')
  await expect.poll(() => app.alert.textContent(), WAIT).toContain('Could not load SIP accounts')
  expect(app.sipLists(mark)).toHaveLength(3)
  expect(await app.page.getByText('No SIP accounts yet').count()).toBe(0)

  down = false
  await app.alert.getByRole('button', { name: 'Retry' }).click()
  await app.waitForRows()
  expect(await app.alert.count()).toBe(0)
})

test('switching user in one tab: from sign-out on, no frame shows a row of the previous user', async ({ app, api }) => {
  const { token } = await api.login('admin')
  // ADMIN lands on every customer (decision 041): reseller=<its own customer id>.
  const adminRows = (await api.listSip(token, { limit: 100, reseller: DEMO_USERS.admin.customerId })).sipAccounts
  const { token: viewerToken } = await api.login('viewer')
  const viewerText = JSON.stringify((await api.listSip(viewerToken, { limit: 500 })).sipAccounts)
  const onlyAdmin = adminRows
    .flatMap((row) => [row.name, row.username])
    .filter((text): text is string => Boolean(text && text.length >= 6 && !viewerText.includes(text)))
  expect(onlyAdmin.length).toBeGreaterThan(5)

  await app.goto('/')
  await app.signInToList('admin')
  // Its page is complete (counts and customer names come after the rows): what is recorded below
  // comes from the sign-out, not from this page filling in.
  await app.waitForListComplete()
  expect((await app.rowTexts()).join('\n')).toContain(onlyAdmin[0])

  // Record what is rendered (innerText: visible text only) after every batch of DOM changes:
  // a MutationObserver callback runs before the browser paints, so every painted frame is seen.
  await app.page.evaluate(() => {
    window.__seen = []
    window.__observer = new MutationObserver(() => window.__seen?.push(document.body.innerText))
    window.__observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  await app.page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await app.signInToList('viewer')
  await expect.poll(() => app.page.getByRole('banner').textContent(), WAIT).toContain(DEMO_USERS.viewer.name)
  const seen = await app.page.evaluate(() => {
    window.__observer?.disconnect()
    return window.__seen ?? []
  })

  expect(seen.length).toBeGreaterThan(3)
  const leaks = seen.flatMap((text, index) => onlyAdmin.filter((name) => text.includes(name)).map((name) => `frame ${index}: ${name}`))
  expect(leaks).toEqual([])
  expect(seen.at(-1)).toContain(DEMO_USERS.viewer.name)
})

test('a 10,000-character name stays inside its column on one line: the page never scrolls sideways, the drawer holds it', async ({
  app,
}) => {
  await app.goto(`/?filter=${encodeURIComponent('Meget langt navn')}`)
  await app.signInToList('owner')
  const layout = await app.page.evaluate(() => {
    const header = document.querySelector('thead th')
    const row = [...document.querySelectorAll('tbody tr')].find((tr) => (tr.textContent ?? '').length > 9000)
    return {
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      nameColumnWidth: header?.getBoundingClientRect().width ?? 0,
      nameCellWidth: row?.querySelector('td')?.getBoundingClientRect().width ?? Infinity,
      rowHeight: row?.getBoundingClientRect().height ?? 0,
      found: Boolean(row),
    }
  })
  expect(layout.found).toBe(true)
  expect(layout.pageOverflow).toBeLessThanOrEqual(0)
  // Neither wide nor tall: the name is cut with an ellipsis inside the Name column's own width
  // (the table's columns are sized, never by their content) on one 40 px line — it was ~14,700 px
  // tall once — while the whole text stays in the row for screen readers and in its tooltip.
  expect(layout.nameCellWidth).toBeLessThanOrEqual(layout.nameColumnWidth + 1)
  expect(layout.rowHeight).toBeLessThanOrEqual(41)

  await app.goto(`/?account=${DEMO_ACCOUNT_IDS.longNameTrunk}`)
  const dialog = app.drawer.first()
  await dialog.waitFor()
  const drawer = await dialog.evaluate((element) => ({
    overflow: element.scrollWidth - element.clientWidth,
    width: element.getBoundingClientRect().width,
  }))
  expect(drawer.overflow).toBeLessThanOrEqual(0)
  expect(drawer.width).toBeLessThanOrEqual(1280)
})

test('served with the security headers, and a whole session (list, drawer, reveal) breaks no rule of the CSP', async ({ app }) => {
  await app.page.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`),
    )
  })
  const response = await app.page.goto(new URL('/', app.appUrl).href)
  const headers = response?.headers() ?? {}
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['content-security-policy']).not.toContain('unsafe-inline')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('no-referrer')

  await app.signInToList('owner')
  await app.rows.first().locator('td').first().click()
  const dialog = app.drawer.first()
  await dialog.getByRole('button', { name: 'Reveal password' }).click()
  await dialog.getByRole('button', { name: 'Close' }).click()
  const violations = await app.page.evaluate(() => window.__cspViolations ?? [])
  expect(violations).toEqual([])
})
