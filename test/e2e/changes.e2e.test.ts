/*
 * The change log and the drawer's summary in real Chromium against the reference server: a trunk
 * that the next answer reports down (the network rewritten at the HTTP layer, as the live-status
 * test in power-user.e2e does) is marked in its row and sticky Name cell, counted on the Changes
 * button, listed in the Changes panel (axe clean) and, opened from there, summarised in the drawer
 * ("went down at …", axe clean) with a working "Copy connection details".
 */
import type { Route } from 'playwright-core'
import { SipAccountFullSchema } from '../../src/api/sip-account.ts'
import { WAIT } from './harness/app.ts'
import { axeViolations } from './harness/axe.ts'
import { expect, test } from './harness/fixtures.ts'

/** Every GET /sip answer (lists and /sip/:id) reports this account as down from now on. */
async function reportDown(route: Route, id: string): Promise<void> {
  const response = await route.fetch()
  const body: unknown = await response.json().catch(() => null)
  const flip = (row: unknown): unknown =>
    typeof row === 'object' && row !== null && '_id' in row && row._id === id ? { ...row, status: 'OFF' } : row
  if (typeof body === 'object' && body !== null && 'sipAccounts' in body && Array.isArray(body.sipAccounts)) {
    await route.fulfill({ response, json: { ...body, sipAccounts: body.sipAccounts.map(flip) } })
  } else if (body !== null) {
    await route.fulfill({ response, json: flip(body) })
  } else await route.fulfill({ response })
}

test('a trunk that went down: marked row, "Changes 1 went down", the panel (axe clean) opens its drawer with "went down at" (axe clean)', async ({
  app,
  api,
}) => {
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await app.goto('/')
  await app.signInToList('admin')
  const changes = app.page.getByRole('button', { name: /^Changes/ })
  await expect.poll(() => changes.textContent(), WAIT).toBe('Changes')

  // The first trunk that is up now.
  const upRow = app.rows.filter({ hasText: '● Up' }).first()
  const id = (await upRow.getAttribute('data-row-id')) ?? ''
  expect(id).toMatch(/^[0-9a-f]{24}$/i)
  const truth = await api.get(`/sip/${id}`, {}, (await api.login('admin')).token, SipAccountFullSchema)
  const name = truth.name ?? ''
  await app.page.route(
    (url) => url.pathname.startsWith('/api/sip'),
    (route) => reportDown(route, id),
  )
  await app.page.getByRole('button', { name: 'Refresh' }).click()

  const row = app.table.locator(`tr[data-row-id="${id}"]`)
  await expect.poll(() => row.getAttribute('data-mark'), WAIT).toBe('negative')
  await expect.poll(() => changes.textContent(), WAIT).toBe('Changes 1 went down')
  // The mark is in the sticky Name cell, so it shows however far the table scrolls sideways.
  const nameCell = row.locator('td').first()
  expect(await nameCell.getAttribute('class')).toContain('is-pinned')
  expect(await nameCell.getByText('Went down', { exact: true }).isVisible()).toBe(true)
  await app.table.evaluate((table) => table.parentElement?.scrollBy({ left: 2000 }))
  expect(await nameCell.getByText('Went down', { exact: true }).isVisible()).toBe(true)
  await expect
    .poll(() => app.page.getByRole('status').filter({ hasText: 'Status changed' }).textContent(), WAIT)
    .toBe(`Status changed: ${name} is now down.`)

  await changes.click()
  const panel = app.page.getByRole('dialog', { name: 'Status changes' })
  await panel.getByRole('table').waitFor()
  expect(await panel.getByRole('row').count()).toBe(2)
  expect(await panel.getByRole('row').nth(1).textContent()).toContain('Up → Down')
  expect(await axeViolations(app)).toEqual([])

  await panel.getByRole('button', { name }).click()
  const drawer = app.page.getByRole('dialog', { name })
  const summary = drawer.getByRole('list', { name: 'Account summary' })
  await expect.poll(() => summary.textContent(), WAIT).toMatch(/^○ Down went down at \d\d:\d\d/)
  expect(app.search().get('account')).toBe(id)
  expect(await axeViolations(app)).toEqual([])

  // ADMIN's copy block: the connection fields with the SIP server, no password until revealed.
  await drawer.getByRole('button', { name: 'Copy connection details' }).click()
  await drawer.getByText('Copied', { exact: true }).waitFor()
  const copied = await app.page.evaluate(() => navigator.clipboard.readText())
  expect(copied.split('\n')[0]).toBe(`SIP account: ${name}`)
  if (truth.username) expect(copied).toContain(`Username: ${truth.username}`)
  if (truth.sipServer) expect(copied).toContain(`SIP server: ${truth.sipServer}`)
  if (truth.password) expect(copied).not.toContain(truth.password)

  await drawer.getByRole('button', { name: 'Close' }).click()
  await changes.click()
  await panel.getByRole('button', { name: 'Mark all as seen' }).click()
  await panel.getByRole('button', { name: 'Close' }).click()
  await expect.poll(() => changes.textContent(), WAIT).toBe('Changes')
  await expect.poll(() => row.getAttribute('data-mark'), WAIT).toBeNull()
})
