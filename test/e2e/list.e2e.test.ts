import type { App } from './harness/app.ts'
import { effective, WAIT } from './harness/app.ts'
import type { DirectApi, Query } from './harness/api.ts'
import { expect, test } from './harness/fixtures.ts'

/** The rows on screen are exactly the API's rows for `query`, and the range text says so. */
async function expectRowsLike(app: App, api: DirectApi, token: string, query: Query): Promise<number> {
  const offset = Number(query.offset ?? 0)
  const limit = Number(query.limit ?? 100)
  const truth = await api.listSip(token, { ...query, offset, limit })
  const to = Math.min(offset + limit, truth.total)
  if (truth.total > 0) await app.expectRange(offset + 1, to, truth.total)
  const expected = truth.sipAccounts.map((account) => (account.name ?? '—').slice(0, 60))
  if (expected.length === 0) {
    await expect.poll(() => app.rows.count(), WAIT).toBe(0)
    return truth.total
  }
  // Only the rows in view are rendered (a page of 100 too, once the virtualizer's code is here):
  // each rendered row is checked at its place (aria-rowindex), and the page starts at its top.
  const placed = async () => {
    const rows = await app.rows.evaluateAll((trs) =>
      trs.map((tr) => ({ index: Number(tr.getAttribute('aria-rowindex')), text: tr.textContent })),
    )
    return (
      rows.length > 0 &&
      rows.length <= expected.length &&
      rows[0]?.index === offset + 2 &&
      rows.every((row) => row.text.includes(expected[row.index - 2 - offset] ?? '\u0000'))
    )
  }
  await expect.poll(placed, WAIT).toBe(true)
  return truth.total
}

async function signedIn(app: App, api: DirectApi): Promise<string> {
  await app.goto('/')
  await app.signInToList('owner')
  return (await api.login('owner')).token
}

test('search by a number fragment: one debounced request with that filter from offset 0, the matching rows, the match highlighted', async ({
  app,
  api,
}) => {
  const token = await signedIn(app, api)
  // Start on page 2 so we can see that a new search resets the offset.
  await app.pageButton('Next page').click()
  await expect.poll(() => app.search().get('offset'), WAIT).toBe('100')

  const mark = app.mark()
  await app.searchBox.click()
  // 60 ms between keys: a quick typist, well inside the ~250 ms debounce.
  await app.searchBox.pressSequentially('80808080', { delay: 60 })
  const request = await app.waitForSipList(mark, (r) => r.url.searchParams.get('filter') === '80808080')
  expect(effective(request, 'offset')).toBe('0')
  expect(effective(request, 'limit')).toBe('100')
  const filtered = app.sipLists(mark).filter((r) => r.url.searchParams.has('filter') && r.url.searchParams.get('full') !== 'true')
  expect(filtered.length).toBeLessThanOrEqual(2)
  for (const r of filtered) expect('80808080'.startsWith(r.url.searchParams.get('filter') ?? '?')).toBe(true)

  const total = await expectRowsLike(app, api, token, { filter: '80808080' })
  expect(total).toBeGreaterThan(0)
  expect(app.search().get('filter')).toBe('80808080')
  expect(app.search().get('offset')).toBeNull()
  // Numbers are shown grouped (decision 032): the digits match and the grouped characters are
  // marked, one <mark> per group, so the marks of one number read 80808080 together.
  const marked = await app.table
    .locator('td')
    .filter({ has: app.page.locator('mark') })
    .evaluateAll((cells) => cells.map((cell) => [...cell.querySelectorAll('mark')].map((mark) => mark.textContent).join('')))
  expect(marked.some((text) => text.replace(/\s/g, '').includes('80808080'))).toBe(true)
})

test('search by an IP fragment; Enter searches at once; Esc clears and shows every account again', async ({ app, api }) => {
  const token = await signedIn(app, api)
  const all = await api.listSip(token, { limit: 1 })
  const mark = app.mark()
  await app.searchBox.fill('77.66.100')
  await app.searchBox.press('Enter')
  await app.waitForSipList(mark, (r) => r.url.searchParams.get('filter') === '77.66.100')
  const total = await expectRowsLike(app, api, token, { filter: '77.66.100' })
  expect(total).toBeGreaterThan(0)
  expect(total).toBeLessThan(all.total)
  const marks = await app.table.locator('mark').allTextContents()
  expect(marks.some((text) => text.includes('77.66.100'))).toBe(true)

  const cleared = app.mark()
  await app.searchBox.press('Escape')
  await expect.poll(() => app.searchBox.inputValue(), WAIT).toBe('')
  await expect.poll(() => app.search().get('filter'), WAIT).toBeNull()
  await app.expectRange(1, 100, all.total)
  // Cleared back to a view already cached, or asked again, but never with a stale filter.
  for (const r of app.sipLists(cleared)) expect(r.url.searchParams.get('filter')).toBeNull()
})

test('All / Up / Down send up absent / true / false and show only those accounts', async ({ app, api }) => {
  const token = await signedIn(app, api)
  expect(await app.statusRadio('All').isChecked()).toBe(true)

  let mark = app.mark()
  await app.statusRadio('Up').check()
  let request = await app.waitForSipList(mark, (r) => r.url.searchParams.get('up') === 'true')
  expect(effective(request, 'offset')).toBe('0')
  expect(app.search().get('up')).toBe('true')
  await expectRowsLike(app, api, token, { up: true })

  mark = app.mark()
  await app.statusRadio('Down').check()
  request = await app.waitForSipList(mark, (r) => r.url.searchParams.get('up') === 'false')
  expect(app.search().get('up')).toBe('false')
  await expectRowsLike(app, api, token, { up: false })

  mark = app.mark()
  await app.statusRadio('All').check()
  await expect.poll(() => app.search().get('up'), WAIT).toBeNull()
  await expectRowsLike(app, api, token, {})
  for (const r of app.sipLists(mark)) expect(r.url.searchParams.get('up')).toBeNull()
})

test('paging: Next, Last, Previous, First walk the offsets; the range text and rows follow', async ({ app, api }) => {
  const mark = app.mark()
  const token = await signedIn(app, api)
  const total = (await api.listSip(token, { limit: 1 })).total
  expect(total).toBeGreaterThan(300)
  const last = Math.floor((total - 1) / 100) * 100

  expect(await app.pageButton('First page').isDisabled()).toBe(true)
  expect(await app.pageButton('Previous page').isDisabled()).toBe(true)

  await app.pageButton('Next page').click()
  await expect.poll(() => app.search().get('offset'), WAIT).toBe('100')
  await expectRowsLike(app, api, token, { offset: 100 })
  // Sent as prefetch or on click, but sent, with the same page size.
  await app.waitForSipList(mark, (r) => effective(r, 'offset') === '100' && effective(r, 'limit') === '100')

  await app.pageButton('Last page').click()
  await expect.poll(() => app.search().get('offset'), WAIT).toBe(String(last))
  await app.waitForSipList(mark, (r) => effective(r, 'offset') === String(last))
  await expectRowsLike(app, api, token, { offset: last })
  expect(await app.pageButton('Next page').isDisabled()).toBe(true)
  expect(await app.pageButton('Last page').isDisabled()).toBe(true)

  await app.pageButton('Previous page').click()
  await expect.poll(() => app.search().get('offset'), WAIT).toBe(String(last - 100))
  await expectRowsLike(app, api, token, { offset: last - 100 })

  await app.pageButton('First page').click()
  await expect.poll(() => app.search().get('offset'), WAIT).toBeNull()
  await expectRowsLike(app, api, token, { offset: 0 })
})

test('rows per page 500: asks for limit=500 and shows those rows (the ones in view)', async ({ app, api }) => {
  const token = await signedIn(app, api)
  const mark = app.mark()
  await app.rowsPerPage.selectOption('500')
  const request = await app.waitForSipList(mark, (r) => r.url.searchParams.get('limit') === '500')
  expect(effective(request, 'offset')).toBe('0')
  expect(app.search().get('limit')).toBe('500')
  await expectRowsLike(app, api, token, { limit: 500 })

  // And on to the next 500.
  const next = app.mark()
  await app.pageButton('Next page').click()
  await expect.poll(() => app.search().get('offset'), WAIT).toBe('500')
  await expectRowsLike(app, api, token, { offset: 500, limit: 500 })
  expect(app.sipLists(next).every((r) => effective(r, 'limit') === '500')).toBe(true)
})
