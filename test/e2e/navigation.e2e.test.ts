import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import { App, effective, WAIT } from './harness/app.ts'
import { expect, test } from './harness/fixtures.ts'

interface View {
  url: string
  range: Awaited<ReturnType<App['rangeValue']>>
  names: string[]
  search: string
  dialog: string | null
}

/** The dialog's accessible name, whether it comes from aria-label or aria-labelledby. */
async function dialogName(app: App): Promise<string | null> {
  if ((await app.drawer.count()) === 0) return null
  return app.drawer.first().evaluate((d) => {
    const label = d.getAttribute('aria-label')
    if (label) return label
    const ids = (d.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
    return (
      ids
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim() || null
    )
  })
}

/** The first rows of the page: all of them are in view on any screen (longer pages render only those). */
async function topNames(app: App): Promise<string[]> {
  return (await app.rowNames()).slice(0, 10).map((name) => name.slice(0, 80))
}

async function expectView(app: App, view: View): Promise<void> {
  await expect.poll(() => app.page.url(), WAIT).toBe(view.url)
  await expect.poll(() => app.rangeValue(), WAIT).toEqual(view.range)
  await expect.poll(() => topNames(app), WAIT).toEqual(view.names)
  await expect.poll(() => app.searchBox.inputValue(), WAIT).toBe(view.search)
  await expect.poll(() => dialogName(app), WAIT).toBe(view.dialog)
}

async function snapshot(app: App): Promise<View> {
  return {
    url: app.page.url(),
    range: await app.rangeValue(),
    names: await topNames(app),
    search: await app.searchBox.inputValue(),
    dialog: await dialogName(app),
  }
}

test('back and forward walk through status, page and open drawer, each restored exactly', async ({ app }) => {
  await app.goto('/')
  await app.signInToList('owner')
  const views: View[] = [await snapshot(app)]

  await app.statusRadio('Up').check()
  await expect.poll(() => app.search().get('up'), WAIT).toBe('true')
  await expect.poll(async () => (await app.rangeValue())?.total !== views[0]?.range?.total, WAIT).toBe(true)
  views.push(await snapshot(app))

  await app.pageButton('Next page').click()
  await expect.poll(async () => (await app.rangeValue())?.from, WAIT).toBe(101)
  views.push(await snapshot(app))

  await app.rows.nth(3).locator('td, th').first().click()
  await app.drawer.first().waitFor()
  await expect.poll(() => app.search().get('account'), WAIT).not.toBeNull()
  await expect.poll(() => dialogName(app), WAIT).not.toBeNull()
  views.push(await snapshot(app))

  for (let i = views.length - 2; i >= 0; i--) {
    await app.page.goBack()
    await expectView(app, views[i] as View)
  }
  for (let i = 1; i < views.length; i++) {
    await app.page.goForward()
    await expectView(app, views[i] as View)
  }
})

test('reload restores the same view: search, status, rows per page, page and the open drawer', async ({ app }) => {
  await app.goto('/')
  await app.signInToList('owner')
  await app.searchBox.fill('+45')
  await app.searchBox.press('Enter')
  await expect.poll(() => app.search().get('filter'), WAIT).toBe('+45')
  await app.statusRadio('Down').check()
  await expect.poll(() => app.search().get('up'), WAIT).toBe('false')
  await app.rowsPerPage.selectOption('25')
  await expect.poll(() => app.search().get('limit'), WAIT).toBe('25')
  await expect.poll(async () => (await app.rangeValue())?.to, WAIT).toBe(25)
  await app.pageButton('Next page').click()
  await expect.poll(async () => (await app.rangeValue())?.from, WAIT).toBe(26)
  await app.rows.nth(2).locator('td, th').first().click()
  await expect.poll(() => dialogName(app), WAIT).not.toBeNull()
  const before = await snapshot(app)

  const mark = app.mark()
  await app.page.reload()
  await expectView(app, before)
  expect(await app.statusRadio('Down').isChecked()).toBe(true)
  expect(await app.rowsPerPage.inputValue()).toBe('25')
  // The session resumed from sessionStorage with a header-borne token, and the list asked for exactly this view.
  expect(app.apiRequests('/auth/validateToken', mark).length).toBeGreaterThan(0)
  await app.waitForSipList(
    mark,
    (r) =>
      r.url.searchParams.get('full') !== 'true' &&
      r.url.searchParams.get('filter') === '+45' &&
      r.url.searchParams.get('up') === 'false' &&
      effective(r, 'limit') === '25' &&
      effective(r, 'offset') === '25',
  )
})

test('a pasted link in a new browser: sign in first, then exactly that view with the drawer open', async ({ app, browser }) => {
  await app.goto('/')
  await app.signInToList('manager')
  await app.searchBox.fill('Århus')
  await app.searchBox.press('Enter')
  await expect.poll(() => app.search().get('filter'), WAIT).toBe('Århus')
  await app.rows.nth(1).locator('td, th').first().click()
  await expect.poll(() => dialogName(app), WAIT).not.toBeNull()
  const view = await snapshot(app)

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const other = new App(context, await context.newPage(), app.appUrl)
    await other.page.goto(view.url)
    await other.signIn('manager')
    await expectView(other, view)
  } finally {
    await context.close()
  }
})

test('token expiry: the next request is rejected, sign-in shows, and signing in returns to the same view with the filter kept', async ({
  app,
  api,
}) => {
  // RESELLER_ADMIN is used by no other test file, so ending all its tokens disturbs nobody.
  // It looks at the demo customer (one of its reseller's customers) through a link.
  await app.goto(`/?customer=${DEMO_CUSTOMER_IDS.demoCustomer}`)
  await app.signInToList('resellerAdmin')
  await app.searchBox.fill('Århus')
  await app.searchBox.press('Enter')
  await expect.poll(() => app.search().get('filter'), WAIT).toBe('Århus')
  await app.waitForRows()

  // End every token of this user, as "Sign out everywhere" on another device (or 15 minutes) would.
  await api.logoutEverywhere((await api.login('resellerAdmin')).token)

  const mark = app.mark()
  // click, not check(): the 401 may replace the page before the radio could be seen checked.
  await app.statusRadio('Up').click()
  await app.email.waitFor()
  expect(app.page.url()).toContain('filter=')
  const rejected = app.sipLists(mark).find((r) => r.url.searchParams.get('up') === 'true')
  expect(rejected).toBeDefined()

  const again = app.mark()
  await app.signInToList('resellerAdmin')
  expect(app.search().get('filter')).toBe('Århus')
  expect(app.search().get('up')).toBe('true')
  expect(await app.searchBox.inputValue()).toBe('Århus')
  expect(await app.statusRadio('Up').isChecked()).toBe(true)
  await app.waitForSipList(again, (r) => r.url.searchParams.get('filter') === 'Århus' && r.url.searchParams.get('up') === 'true')
  const token = (await api.login('resellerAdmin')).token
  const truth = await api.listSip(token, { customer: DEMO_CUSTOMER_IDS.demoCustomer, filter: 'Århus', up: true, limit: 1 })
  await expect.poll(async () => (await app.rangeValue())?.total, WAIT).toBe(truth.total)
})
