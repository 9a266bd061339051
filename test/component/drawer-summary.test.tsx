import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, expect, test, vi } from 'vitest'
import { DEMO_ACCOUNT_IDS, DEMO_CUSTOMER_IDS, type DemoUserKey } from '../../server/demo-users.ts'
import { createStore } from '../../server/store.ts'
import { SipAccountFullSchema, type SipAccountFull } from '../../src/api/sip-account.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { advance, installFakeClock } from './fake-clock.ts'
import { cellsOf, dataRows, findRows, renderApp, search } from './render-app.tsx'

/*
 * The drawer's header for a support call: status (and when this session saw it change), active,
 * usage block, PBX and whose trunk it is (a link to that customer's list for levels that may pick
 * one), and "Copy connection details": exactly the connection fields the level may see, the
 * password only while it is revealed.
 */

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })
// The lazy chunks are transformed once up front: a cold transform took seconds (see drawer.test).
beforeAll(() => import('../../src/features/sip-accounts/drawer/account-drawer.tsx'), 60_000)

afterEach(() => vi.useRealTimers())

const PRIMARY = DEMO_ACCOUNT_IDS.primaryTrunk
const PRIMARY_NAME = 'Hovedtrunk København'

/** The account as the reference server holds it (ADMIN sees every field). */
async function groundTruth(id: string): Promise<SipAccountFull> {
  const response = await api.app.fetch(
    new Request(`http://reference.test/sip/${id}`, { headers: { Authorization: `Bearer ${api.tokenFor('admin')}` } }),
  )
  return SipAccountFullSchema.parse(await response.json())
}

async function openDrawer(as: DemoUserKey, id: string, name: string) {
  const view = renderApp(api, { as, url: `/?account=${id}` })
  const drawer = await screen.findByRole('dialog', { name }, { timeout: 8000 })
  const summary = await within(drawer).findByRole('list', { name: 'Account summary' }, { timeout: 8000 })
  return { ...view, drawer, summary }
}

async function copied(user: ReturnType<typeof renderApp>['user'], drawer: HTMLElement): Promise<string> {
  await navigator.clipboard.writeText('')
  await user.click(within(drawer).getByRole('button', { name: 'Copy connection details' }))
  await waitFor(() => expect(within(drawer).getAllByText('Copied').length).toBeGreaterThan(0))
  return navigator.clipboard.readText()
}

test.each([
  ['viewer', false],
  ['owner', false],
  ['reseller', false],
  ['admin', true],
] as const)(
  'copy connection details as %s: the connection fields, SIP server only for ADMIN, the password only while revealed',
  async (as, sipServer) => {
    const truth = await groundTruth(PRIMARY)
    if (!truth.username || !truth.ipAddress || !truth.password || !truth.sipServer || !truth.notes || !truth.numbers?.length) {
      throw new Error('the primary trunk lacks a field this test needs')
    }
    const { user, drawer } = await openDrawer(as, PRIMARY, PRIMARY_NAME)
    const expected = [
      `SIP account: ${PRIMARY_NAME}`,
      `Numbers: ${truth.numbers.join(', ')}`,
      'Connection type (checked below)',
      `Username: ${truth.username}`,
      `IP address: ${truth.ipAddress}`,
      ...(truth.port == null ? [] : [`Port: ${truth.port}`]),
      ...(truth.contact ? [`Contact: ${truth.contact}`] : []),
      ...(sipServer ? [`SIP server: ${truth.sipServer}`] : []),
    ]
    const masked = (await copied(user, drawer)).split('\n')
    expect(masked).toHaveLength(expected.length)
    expect(masked[2]).toMatch(new RegExp(`^Connection type: .+ \\(${truth.connection ?? ''}\\)$`))
    expect(masked.filter((_, index) => index !== 2)).toEqual(expected.filter((_, index) => index !== 2))
    const text = masked.join('\n')
    expect(text).not.toContain(truth.password)
    expect(text).not.toContain(truth.notes)
    if (!sipServer) expect(text).not.toContain(truth.sipServer)

    await user.click(within(drawer).getByRole('button', { name: 'Reveal password' }))
    const revealed = await copied(user, drawer)
    expect(revealed.split('\n')).toContain(`Password: ${truth.password}`)
    expect(revealed.split('\n')).toHaveLength(expected.length + 1)

    await user.click(within(drawer).getByRole('button', { name: 'Hide password' }))
    expect(await copied(user, drawer)).not.toContain(truth.password)
  },
)

test('the summary of a blocked, down trunk; a level without scope sees its customer’s name, not a link', async () => {
  const truth = await groundTruth(DEMO_ACCOUNT_IDS.blockedTrunk)
  const { drawer, summary } = await openDrawer('owner', DEMO_ACCOUNT_IDS.blockedTrunk, 'Lager Kolding (spærret)')
  const items = within(summary)
    .getAllByRole('listitem')
    .map((item) => item.textContent)
  expect(items).toEqual([
    '○ Down',
    truth.active === false ? 'Inactive' : 'Active',
    '⚠ Usage blocked',
    'SIP trunk',
    'Customer Fjordvej Tømrer & Snedker ApS',
  ])
  expect(within(summary).queryByRole('link')).toBeNull()
  // Said first, before the details below.
  const overview = within(drawer).getByRole('heading', { name: 'Overview' })
  expect(summary.compareDocumentPosition(overview) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
})

test('a PBX trunk: "Hosted PBX trunk", no status, and nothing to copy', async () => {
  const { drawer, summary } = await openDrawer(
    'owner',
    DEMO_ACCOUNT_IDS.pbxTrunk,
    (await groundTruth(DEMO_ACCOUNT_IDS.pbxTrunk)).name ?? '',
  )
  expect(summary).toHaveTextContent(/^PBX/)
  expect(summary).toHaveTextContent(/Hosted PBX trunk, cluster \d+/)
  expect(within(drawer).queryByRole('button', { name: 'Copy connection details' })).toBeNull()
})

test('for a level with scope the customer is a link: it lists that customer’s trunks and closes the drawer', async () => {
  const { user, summary } = await openDrawer('reseller', PRIMARY, PRIMARY_NAME)
  const link = await within(summary).findByRole('link', { name: 'Fjordvej Tømrer & Snedker ApS' })
  expect(new URL(link.getAttribute('href') ?? '', window.location.href).searchParams.get('customer')).toBe(DEMO_CUSTOMER_IDS.demoCustomer)
  await user.click(link)
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(search().get('customer')).toBe(DEMO_CUSTOMER_IDS.demoCustomer)
  expect(search().get('account')).toBeNull()
  await findRows()
})

test('"went down at 14:02" when this session saw it go down, also while the drawer is open', async () => {
  installFakeClock()
  vi.setSystemTime(new Date(2030, 5, 3, 14, 2, 5))
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Hovedtrunk' })
  const [row] = await findRows()
  if (!row || row.dataset.rowId !== PRIMARY) throw new Error('the primary trunk is not the first row')
  await user.click(row)
  let drawer = await screen.findByRole('dialog', { name: PRIMARY_NAME })
  let summary = await within(drawer).findByRole('list', { name: 'Account summary' })
  expect(summary).toHaveTextContent(/^● Up/)
  expect(summary).not.toHaveTextContent(/went down/)

  // The list's 30 s refresh sees it go down behind the open drawer; the drawer catches up.
  createStore(api.db).setStatus(PRIMARY, 'OFF')
  await advance(30_000)
  await waitFor(() => expect(summary).toHaveTextContent(/^○ Down went down at 14:02/))

  await user.click(within(drawer).getByRole('button', { name: 'Close' }))
  await waitFor(() => expect(cellsOf(dataRows()[0] as HTMLElement)[2]).toHaveTextContent('Down'))
  await user.click(dataRows()[0] as HTMLElement)
  drawer = await screen.findByRole('dialog', { name: PRIMARY_NAME })
  summary = await within(drawer).findByRole('list', { name: 'Account summary' })
  expect(within(summary).getByText(/went down at 14:02/)).toBeInTheDocument()
  createStore(api.db).setStatus(PRIMARY, 'ON')
})
