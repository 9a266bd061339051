import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { SipAccountFullListSchema, SipAccountFullSchema, type SipAccountFull } from '../../src/api/sip-account.ts'
import { DEMO_ACCOUNT_IDS, type DemoUserKey } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { forward, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const PRIMARY = 'Hovedtrunk København'

/** The primary trunk as the reference API gives it to this user (GET /sip/:id). */
async function primaryAs(user: DemoUserKey): Promise<SipAccountFull> {
  const request = new Request(`http://api.test/sip/${DEMO_ACCOUNT_IDS.primaryTrunk}`, {
    headers: { Authorization: `Bearer ${api.tokenFor(user)}` },
  })
  return SipAccountFullSchema.parse(await (await api.app.fetch(request)).json())
}

async function openPrimary(as: DemoUserKey) {
  const view = renderApp(api, { as, url: `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}` })
  const dialog = await screen.findByRole('dialog', { name: PRIMARY }, { timeout: 8000 })
  await within(dialog).findByText('Connection type', {}, { timeout: 8000 })
  return { ...view, dialog }
}

/** The status region that belongs to a Copy button (it sits right beside it). */
function statusOf(button: HTMLElement): HTMLElement {
  return within(button.parentElement as HTMLElement).getByRole('status')
}

const copyButtonNames = (dialog: HTMLElement) =>
  within(dialog)
    .getAllByRole('button', { name: /^Copy / })
    .map((button) => button.getAttribute('aria-label'))

test('a number, the IP address, the username and the SIP contact each copy exactly that value, with "Copied"', async () => {
  const account = await primaryAs('owner')
  const { user, dialog } = await openPrimary('owner')
  const cases: Array<[string, string | null | undefined]> = [
    ['Copy number +4580808080', '+4580808080'],
    ['Copy IP address', account.ipAddress],
    ['Copy username', account.username],
    ['Copy SIP contact', account.contact],
  ]
  for (const [name, value] of cases) {
    expect(value).toBeTruthy()
    const button = within(dialog).getByRole('button', { name })
    expect(statusOf(button)).toHaveTextContent('')
    await user.click(button)
    expect(await navigator.clipboard.readText()).toBe(value)
    expect(statusOf(button)).toHaveTextContent(/^Copied$/)
  }
  expect(account.contact).toContain('@77.66.100.10')
})

test('the confirmation goes away after a moment; a failed copy says so', async () => {
  const { user, dialog } = await openPrimary('owner')
  const button = within(dialog).getByRole('button', { name: 'Copy IP address' })
  await user.click(button)
  expect(statusOf(button)).toHaveTextContent('Copied')
  await waitFor(() => expect(statusOf(button)).toHaveTextContent(''), { timeout: 3500 })

  // The browser refuses (no permission, not a secure context): the clipboard keeps what it had.
  await navigator.clipboard.writeText('before')
  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new DOMException('Denied', 'NotAllowedError'))
  const username = within(dialog).getByRole('button', { name: 'Copy username' })
  await user.click(username)
  expect(statusOf(username)).toHaveTextContent('Copy failed')
  expect(await navigator.clipboard.readText()).toBe('before')
})

test('VIEWER is offered a copy of what it sees and nothing else; ADMIN also copies the SIP server', async () => {
  const viewer = await openPrimary('viewer')
  const numbers = (await primaryAs('viewer')).numbers ?? []
  expect(copyButtonNames(viewer.dialog)).toEqual([
    // The drawer header's one-block copy (drawer-summary.test.tsx), then the fields' own.
    'Copy connection details',
    ...numbers.map((number) => `Copy number ${number}`),
    'Copy IP address',
    'Copy username',
    'Copy password',
    'Copy SIP contact',
  ])
  expect(within(viewer.dialog).queryByText('SIP server')).not.toBeInTheDocument()
  viewer.unmount()

  const admin = await openPrimary('admin')
  const { sipServer } = await primaryAs('admin')
  expect(sipServer).toBeTruthy()
  await admin.user.click(within(admin.dialog).getByRole('button', { name: 'Copy SIP server' }))
  expect(await navigator.clipboard.readText()).toBe(sipServer)
})

test('a sipServer the API sends to a VIEWER anyway is never offered for copying', async () => {
  const secret = '10.99.99.99'
  const withSecret = async (request: Request) => {
    const response = await forward(api, request)
    const url = new URL(request.url)
    if (url.pathname.startsWith('/api/sip/')) {
      const account = SipAccountFullSchema.parse(await response.json())
      return HttpResponse.json({ ...account, sipServer: secret, notes: 'secret note' })
    }
    if (url.searchParams.get('full') !== 'true') return response
    const list = SipAccountFullListSchema.parse(await response.json())
    return HttpResponse.json({ ...list, sipAccounts: list.sipAccounts.map((account) => ({ ...account, sipServer: secret })) })
  }
  api.server.use(
    http.get('*/api/sip/:id', ({ request }) => withSecret(request)),
    http.get('*/api/sip', ({ request }) => withSecret(request)),
  )
  const { dialog } = await openPrimary('viewer')
  expect(within(dialog).queryByRole('button', { name: /SIP server|notes/i })).not.toBeInTheDocument()
  expect(dialog.textContent).not.toContain(secret)
})
