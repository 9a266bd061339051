import { DEMO_USERS, type DemoUserKey } from '../../server/demo-users.ts'
import { effective, WAIT } from './harness/app.ts'
import { expect, test } from './harness/fixtures.ts'

const LEVELS = [
  ['viewer', 'VIEWER'],
  ['manager', 'MANAGER'],
  ['owner', 'OWNER'],
  ['reseller', 'RESELLER'],
  ['admin', 'ADMIN'],
] as const satisfies readonly (readonly [DemoUserKey, string])[]

const SCOPED = new Set<string>(['RESELLER', 'ADMIN'])

function levelPattern(level: string): RegExp {
  return new RegExp(level.replace('_', '[ _-]?'), 'i')
}

test.for(LEVELS)(
  'signs in as %s (%s): who is signed in, the first page of rows, and the request that fetched it',
  async ([user, level], { app, api }) => {
    await app.goto('/')
    await app.email.waitFor()
    const mark = app.mark()
    await app.signInToList(user)

    // What went out: one POST /auth/login with a JSON body, then GET /sip for the first page.
    const logins = app.apiRequests('/auth/login', mark)
    expect(logins.map((request) => request.method)).toEqual(['POST'])
    expect(logins[0]?.url.search).toBe('')
    // RESELLER and ADMIN land on all their customers: reseller=<own customer id> (decision 041).
    const landing = SCOPED.has(level) ? DEMO_USERS[user].customerId : undefined
    const first = await app.waitForSipList(mark, (request) => !request.url.searchParams.has('full'))
    expect(effective(first, 'offset')).toBe('0')
    expect(effective(first, 'limit')).toBe('100')
    for (const absent of ['filter', 'up', 'full', 'customer']) expect(first.url.searchParams.get(absent)).toBeNull()
    expect(first.url.searchParams.get('reseller')).toBe(landing ?? null)
    expect(first.headers.authorization).toMatch(/^Bearer \S+$/)

    // What the user sees, against the API's own answer for this user.
    const token = (await api.login(user)).token
    const truth = await api.listSip(token, { offset: 0, limit: 100, reseller: landing })
    expect(truth.total).toBeGreaterThan(0)
    await app.heading.waitFor()
    await app.expectRange(1, Math.min(100, truth.total), truth.total)
    expect(await app.table.getAttribute('aria-rowcount')).toBe(String(truth.total + 1))
    // The whole page, top to bottom (a long page renders only the rows in view): row 2 is the first
    // account (row 1 is the header), in the API's order.
    await app.waitForRows()
    const rows = await app.pageRows()
    expect([...rows.keys()].sort((a, b) => a - b)).toEqual(truth.sipAccounts.map((_, index) => index + 2))
    for (const [index, account] of truth.sipAccounts.entries()) {
      expect(rows.get(index + 2)?.slice(0, 200)).toContain((account.name ?? '—').slice(0, 100))
    }

    const demo = DEMO_USERS[user]
    const banner = app.page.getByRole('banner')
    await expect.poll(() => banner.textContent(), WAIT).toContain(demo.name)
    expect(await banner.textContent()).toMatch(levelPattern(level))
    const signOut = app.page.getByRole('button', { name: 'Sign out', exact: true })
    expect(await signOut.isVisible()).toBe(true)

    // Scope pickers only for RESELLER and ADMIN.
    const pickers = app.page.getByRole('combobox', { name: /^(Customer|Reseller)$/ })
    expect(await pickers.count()).toBe(SCOPED.has(level) ? 2 : 0)
  },
)

test('wrong password: an alert on the form, no list request, and the password stored nowhere', async ({ app }) => {
  await app.goto('/')
  await app.email.fill(DEMO_USERS.viewer.email)
  await app.password.fill('not-the-password')
  const mark = app.mark()
  await app.signInButton.click()
  await app.alert.first().waitFor()
  expect(await app.alert.first().textContent()).toMatch(/password|e-?mail|credentials|sign in/i)
  expect(app.apiRequests('/auth/login', mark)).toHaveLength(1)
  expect(app.sipLists(mark)).toHaveLength(0)
  expect(await app.heading.count()).toBe(0)
  // The password is never stored.
  const stored = await app.page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }))
  expect(stored).not.toContain('not-the-password')
})

test('SMS second factor: the form asks for a Code, then signs in', async ({ app }) => {
  await app.goto('/')
  const mark = app.mark()
  await app.signInToList('sms')
  const logins = app.apiRequests('/auth/login', mark)
  expect(logins).toHaveLength(2)
  expect(app.sipLists(mark).length).toBeGreaterThan(0)
})

test('PERSONAL is told plainly that the access level has no SIP accounts, not shown an empty table', async ({ app }) => {
  await app.goto('/')
  await app.signIn('personal')
  await app.page
    .getByText(/access level/i)
    .first()
    .waitFor()
  expect(await app.page.getByText(/no SIP accounts|no access/i).count()).toBeGreaterThan(0)
  expect(await app.rows.count()).toBe(0)
})

test('Sign out forgets the token: back to the sign-in form, and a reload stays signed out', async ({ app }) => {
  await app.goto('/')
  await app.signInToList('viewer')
  await app.page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await app.email.waitFor()
  const stored = await app.page.evaluate(() => JSON.stringify({ ...sessionStorage }))
  for (const token of app.tokens) expect(stored).not.toContain(token)
  const mark = app.mark()
  await app.page.reload()
  await app.email.waitFor()
  expect(app.sipLists(mark)).toHaveLength(0)
})
