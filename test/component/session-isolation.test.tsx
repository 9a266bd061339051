import { act, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { DEMO_ACCOUNT_IDS, DEMO_USERS, type DemoUserKey } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, renderApp, signInAs as signIn } from './render-app.tsx'

/*
 * One tab, two people. Everything the page ever shows from the moment the first user's session
 * ends is recorded with a MutationObserver over the whole document: its callback runs after every
 * batch of DOM changes and before the browser can paint, so no frame escapes it.
 */

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })

interface Account {
  _id: string
  name?: string
  username?: string
  password?: string
}

/** Levels with scope land on their whole subtree (decision 041): reseller=<own customer id>. */
function landingQuery(key: DemoUserKey): string {
  const { accessLevel, customerId } = DEMO_USERS[key]
  return ['RESELLER', 'RESELLER_ADMIN', 'ADMIN'].includes(accessLevel) ? `&reseller=${customerId}` : ''
}

/** Every account a user's list opens on (its landing scope), straight from the reference server. */
async function accountsOf(key: DemoUserKey, full = false): Promise<Account[]> {
  const response = await api.app.fetch(
    new Request(`http://reference.test/sip?limit=500${full ? '&full=true' : ''}${landingQuery(key)}`, {
      headers: { Authorization: `Bearer ${api.tokenFor(key)}` },
    }),
  )
  const body = (await response.json()) as { sipAccounts: Account[] }
  return body.sipAccounts
}

/**
 * Strings that identify user A's rows and cannot legitimately appear for user B: names and
 * usernames of A's accounts that none of B's accounts has.
 */
async function rowsOnlyOf(a: DemoUserKey, b: DemoUserKey): Promise<string[]> {
  const theirs = JSON.stringify(await accountsOf(b))
  const mine = (await accountsOf(a)).flatMap((account) => [account.name, account.username])
  return mine.filter((text): text is string => typeof text === 'string' && text.length >= 6 && !theirs.includes(text))
}

/** Text a user can see: text nodes outside any hidden subtree (React's <Activity mode="hidden"> uses display: none). */
function visibleText(): string {
  const isHidden = (element: Element) => element.hasAttribute('hidden') || (element.getAttribute('style') ?? '').includes('display: none')
  if (document.body.closest('[hidden], [style*="display: none"]')) return ''
  // One walk that skips hidden subtrees whole (it runs after every batch of DOM changes: a selector
  // match up the tree for every text node made this file take 15-30 s).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node instanceof Element && isHidden(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  })
  let text = ''
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) text += `${node.nodeValue ?? ''}\n`
  }
  return text
}

/**
 * Records the document after every batch of DOM changes, from now until stop(); with `when`, only
 * the batches after which `when()` holds (e.g. once the session has visibly ended).
 */
function recordDocument(when: () => boolean = () => true): { stop: () => { whole: string[]; visible: string[] } } {
  const whole: string[] = []
  const visible: string[] = []
  const take = () => {
    if (!when()) return
    whole.push(document.body.textContent ?? '')
    visible.push(visibleText())
  }
  const observer = new MutationObserver(take)
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  return {
    stop: () => {
      take()
      observer.disconnect()
      return { whole, visible }
    },
  }
}

const sipData = (queryClient: ReturnType<typeof renderApp>['queryClient']) =>
  queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.data !== undefined)

test.for([
  ['admin', 'viewer'],
  ['owner', 'subCustomer'],
] as const)('%s signs out, %s signs in: no row of the first user is ever in the document', async ([a, b]) => {
  const onlyA = await rowsOnlyOf(a, b)
  expect(onlyA.length).toBeGreaterThan(5)

  const { user, queryClient } = renderApp(api)
  await signIn(user, a)
  await findRows()
  // The first user's rows are really on screen: otherwise "never seen afterwards" proves nothing.
  expect(onlyA.some((text) => document.body.textContent?.includes(text))).toBe(true)
  // Its page is complete (status counts and customer names arrive after the rows), so the recording
  // below starts from the sign-out, not from this page filling in.
  await waitFor(() => {
    expect(screen.getByRole('radio', { name: /^Down [\d,]+$/ })).toBeInTheDocument()
    expect(document.querySelector('tbody')?.textContent).not.toContain('…')
  })

  const recording = recordDocument()
  await user.click(screen.getByRole('button', { name: 'Sign out' }))
  await screen.findByRole('textbox', { name: 'Email' })
  // Nothing of the first session is left to render from.
  expect(sipData(queryClient)).toEqual([])

  await signIn(user, b)
  await findRows()
  await waitFor(() => expect(screen.getByRole('banner')).toHaveTextContent(DEMO_USERS[b].name))
  const { whole } = recording.stop()

  expect(whole.length).toBeGreaterThan(3)
  const leaks = whole.flatMap((snapshot, index) =>
    onlyA.filter((text) => snapshot.includes(text)).map((text) => `snapshot ${index}: ${text}`),
  )
  expect(leaks).toEqual([])
  // And the recording did see the second user's rows arrive.
  expect(whole.at(-1)).toContain(DEMO_USERS[b].name)
})

test('expiry with a revealed password: the password and the rows leave the screen and the cache; the next user never sees them', async () => {
  const [target] = (await accountsOf('owner', true)).filter((account) => account._id === DEMO_ACCOUNT_IDS.primaryTrunk)
  const password = target?.password ?? ''
  expect(password.length).toBeGreaterThan(6)
  const onlyOwner = await rowsOnlyOf('owner', 'subCustomer')
  // Signed in through the form, so the sign-in code is loaded: after the expiry its form then
  // appears in the very commit that hides the ended page, the strictest case.
  const { user, queryClient } = renderApp(api, { url: `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}` })
  await signIn(user, 'owner')
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' }, { timeout: 8000 })
  await user.click(await within(dialog).findByRole('button', { name: 'Reveal password' }, { timeout: 8000 }))
  expect(dialog).toHaveTextContent(password)

  // The token stops working (15 minutes passed); the next request the page makes gets a 401.
  api.server.use(
    http.get('*/api/sip', () => HttpResponse.json({ error: { code: 'expired', message: 'Token expired', status: 401 } }, { status: 401 })),
    http.get('*/api/sip/:id', () =>
      HttpResponse.json({ error: { code: 'expired', message: 'Token expired', status: 401 } }, { status: 401 }),
    ),
  )
  // From the first batch of DOM changes in which the sign-in form is there, on.
  const recording = recordDocument(() => document.querySelector('input[name="email"]') !== null)
  // A background refresh (the list refreshes itself every 30 s) is the next request: it gets the 401.
  await act(() => queryClient.invalidateQueries())
  expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument()

  // The drawer is gone (not merely hidden), with the password; nothing of the session is cached.
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(document.body.textContent).not.toContain(password)
  expect(sipData(queryClient)).toEqual([])

  api.server.resetHandlers()
  await signIn(user, 'subCustomer')
  await findRows()
  await waitFor(() => expect(screen.getByRole('banner')).toHaveTextContent(DEMO_USERS.subCustomer.name))
  const { whole, visible } = recording.stop()
  expect(whole.length).toBeGreaterThan(3)

  // The password: never again anywhere in the document. The owner's rows: never visible to the
  // next user (the ended page waits hidden, as README "Session" explains, and is dropped at sign-in).
  expect(whole.filter((snapshot) => snapshot.includes(password))).toEqual([])
  const leaks = visible.flatMap((snapshot) => onlyOwner.filter((text) => snapshot.includes(text)))
  expect(leaks).toEqual([])
  expect(onlyOwner.filter((text) => document.body.textContent?.includes(text))).toEqual([])
})
