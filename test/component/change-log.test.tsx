import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, expect, test, vi } from 'vitest'
import { createStore } from '../../server/store.ts'
import { FLASH_MS } from '../../src/features/sip-accounts/list/use-status-flips.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { advance, installFakeClock } from './fake-clock.ts'
import { cellsOf, dataRows, findRows, renderApp, signInAs } from './render-app.tsx'

/*
 * The session's change log: a status change the live refresh sees stays marked (row and sticky
 * Name cell) and counted on the Changes button until "Mark all as seen"; the panel lists it newest
 * first and opens the account; nothing of it survives sign-out; browser notifications only after
 * a click on "Notify me", one per refresh, never when denied. The status flips happen in the
 * reference server's database (as the status simulator of `npm start` does).
 */

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })
// The lazy chunks are transformed once up front: a cold transform took seconds (see drawer.test).
beforeAll(
  () =>
    Promise.all([
      import('../../src/features/sip-accounts/drawer/account-drawer.tsx'),
      import('../../src/features/sip-accounts/changes/changes-panel.tsx'),
    ]),
  60_000,
)

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const statusCell = (row: HTMLElement) => cellsOf(row)[2]
const rowById = (id: string) => dataRows().find((row) => row.dataset.rowId === id)
const changesButton = () => screen.getByRole('button', { name: /^Changes/ })
const refresh = () => screen.getByRole('button', { name: 'Refresh' })

/** Trunks on the first page that are up now (their Status cell says so). */
async function upTrunks(count: number): Promise<{ id: string; name: string }[]> {
  const rows = await findRows()
  const up = rows
    .filter((row) => statusCell(row)?.textContent === '● Up' && row.dataset.rowId)
    .map((row) => ({ id: row.dataset.rowId ?? '', name: row.querySelector('td .row-link')?.textContent ?? '' }))
  if (up.length < count) throw new Error(`fewer than ${count} trunks up on the first page`)
  return up.slice(0, count)
}

function setStatus(id: string, status: 'ON' | 'OFF') {
  createStore(api.db).setStatus(id, status)
}

test('a trunk that went down stays marked, row and Name cell, past the flash; the badge counts it; Mark all as seen clears both', async () => {
  installFakeClock()
  const { user } = renderApp(api, { as: 'owner' })
  const [trunk] = await upTrunks(1)
  if (!trunk) throw new Error('no trunk')
  expect(changesButton()).toHaveAccessibleName('Changes')
  expect(dataRows().some((row) => row.hasAttribute('data-mark'))).toBe(false)

  setStatus(trunk.id, 'OFF')
  await user.click(refresh())
  await waitFor(() => expect(statusCell(rowById(trunk.id) as HTMLElement)).toHaveTextContent('Down'))
  await waitFor(() => expect(changesButton()).toHaveAccessibleName('Changes 1 went down'))
  // Said politely, as the page's own flips always were.
  expect(screen.getByText(`Status changed: ${trunk.name} is now down.`)).toHaveAttribute('role', 'status')

  // The 6 s flash ends; the mark does not.
  await advance(FLASH_MS + 1000)
  await waitFor(() => expect(rowById(trunk.id)).not.toHaveClass('is-flashed'))
  const row = rowById(trunk.id) as HTMLElement
  expect(row).toHaveAttribute('data-mark', 'negative')
  const nameCell = cellsOf(row)[0] as HTMLElement
  expect(nameCell).toHaveClass('is-pinned')
  expect(within(nameCell).getByText('Went down')).toBeInTheDocument()
  expect(dataRows().filter((r) => r.hasAttribute('data-mark'))).toHaveLength(1)
  // The live region does not keep saying it.
  expect(screen.queryByText(/^Status changed:/)).toBeNull()

  // A refresh that changes nothing keeps the mark and the count.
  await user.click(refresh())
  await advance(100)
  expect(rowById(trunk.id)).toHaveAttribute('data-mark', 'negative')

  await user.click(changesButton())
  const panel = await screen.findByRole('dialog', { name: 'Status changes' })
  const entries = within(within(panel).getByRole('table')).getAllByRole('row').slice(1)
  expect(entries).toHaveLength(1)
  expect(entries[0]).toHaveTextContent(trunk.name)
  expect(entries[0]).toHaveTextContent('Up → Down')
  expect(entries[0]).toHaveTextContent('New')
  await user.click(within(panel).getByRole('button', { name: 'Mark all as seen' }))
  expect(within(panel).getByRole('button', { name: 'Mark all as seen' })).toBeDisabled()
  expect(within(panel).queryByText('New')).toBeNull()
  await user.click(within(panel).getByRole('button', { name: 'Close' }))

  expect(changesButton()).toHaveAccessibleName('Changes')
  expect(rowById(trunk.id)).not.toHaveAttribute('data-mark')
  expect(within(cellsOf(rowById(trunk.id) as HTMLElement)[0] as HTMLElement).queryByText('Went down')).toBeNull()
  setStatus(trunk.id, 'ON')
})

test('the panel lists changes newest first, names the customer, and opens the account’s drawer', async () => {
  installFakeClock()
  const { user } = renderApp(api, { as: 'reseller', url: `/?customer=${api.users.owner.customerId}` })
  const [first, second] = await upTrunks(2)
  if (!first || !second) throw new Error('no trunks')

  setStatus(first.id, 'OFF')
  await user.click(refresh())
  await waitFor(() => expect(changesButton()).toHaveAccessibleName('Changes 1 went down'))
  await advance(60_000)
  setStatus(first.id, 'ON')
  setStatus(second.id, 'OFF')
  await user.click(refresh())
  // The first came back up: its newest unseen change is "came up", the second went down.
  await waitFor(() => expect(changesButton()).toHaveAccessibleName('Changes 1 went down, 1 came up'))
  expect(within(cellsOf(rowById(first.id) as HTMLElement)[0] as HTMLElement).getByText('Came up')).toBeInTheDocument()

  await user.click(changesButton())
  const panel = await screen.findByRole('dialog', { name: 'Status changes' })
  const table = within(panel).getByRole('table')
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent),
  ).toEqual(['Seen at', 'Account', 'Customer', 'Change'])
  const entries = within(table).getAllByRole('row').slice(1)
  expect(entries.map((entry) => [cellsOf(entry)[1]?.textContent, cellsOf(entry)[3]?.textContent])).toEqual([
    [first.name, 'Down → Up'],
    [second.name, 'Up → Down'],
    [first.name, 'Up → Down'],
  ])
  for (const entry of entries) expect(cellsOf(entry)[2]).toHaveTextContent('Fjordvej')

  await user.click(within(entries[1] as HTMLElement).getByRole('button', { name: second.name }))
  const drawer = await screen.findByRole('dialog', { name: second.name })
  expect(screen.queryByRole('dialog', { name: 'Status changes' })).toBeNull()
  expect(new URLSearchParams(window.location.search).get('account')).toBe(second.id)
  const summary = await within(drawer).findByRole('list', { name: 'Account summary' })
  expect(summary).toHaveTextContent(/went down at \d\d:\d\d/)
  setStatus(first.id, 'ON')
  setStatus(second.id, 'ON')
})

test('nothing survives sign-out: signed in again as another user, the log is empty and no row is marked', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  const [trunk] = await upTrunks(1)
  if (!trunk) throw new Error('no trunk')
  setStatus(trunk.id, 'OFF')
  await user.click(refresh())
  await waitFor(() => expect(changesButton()).toHaveAccessibleName('Changes 1 went down'))

  await user.click(screen.getByRole('button', { name: 'Sign out' }))
  await signInAs(user, 'manager')
  await findRows()
  expect(changesButton()).toHaveAccessibleName('Changes')
  expect(dataRows().some((row) => row.hasAttribute('data-mark'))).toBe(false)
  await user.click(changesButton())
  const panel = await screen.findByRole('dialog', { name: 'Status changes' })
  expect(within(panel).getByText('No status changes seen yet.')).toBeInTheDocument()
  expect(within(panel).queryByText(trunk.name)).toBeNull()
  setStatus(trunk.id, 'ON')
})

/** A stand-in for the browser's Notification API, recording what the page does with it. */
function fakeNotifications(answer: NotificationPermission) {
  const shown: { title: string; body: string | undefined }[] = []
  const requestPermission = vi.fn(() => {
    FakeNotification.permission = answer
    return Promise.resolve(answer)
  })
  class FakeNotification {
    static permission: NotificationPermission = 'default'
    static requestPermission = requestPermission
    onclick: (() => void) | null = null
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body })
    }
    close() {}
  }
  vi.stubGlobal('Notification', FakeNotification)
  return { shown, requestPermission }
}

async function openNotifyMe(user: ReturnType<typeof renderApp>['user']) {
  await user.click(changesButton())
  return screen.findByRole('dialog', { name: 'Status changes' })
}

test('notifications: asked for only on "Notify me"; then one per refresh, names only; none when nothing went down', async () => {
  const notifications = fakeNotifications('granted')
  const { user } = renderApp(api, { as: 'owner' })
  const [a, b, c] = await upTrunks(3)
  if (!a || !b || !c) throw new Error('no trunks')

  // Before the click: a trunk goes down, nothing is asked and nothing shown.
  setStatus(a.id, 'OFF')
  await user.click(refresh())
  await waitFor(() => expect(changesButton()).toHaveAccessibleName('Changes 1 went down'))
  expect(notifications.requestPermission).not.toHaveBeenCalled()
  expect(notifications.shown).toEqual([])

  const panel = await openNotifyMe(user)
  expect(within(panel).getByText(/only while this dashboard is open/)).toBeInTheDocument()
  await user.click(within(panel).getByRole('button', { name: 'Notify me' }))
  expect(notifications.requestPermission).toHaveBeenCalledTimes(1)
  await within(panel).findByText(/^Notifications are on/)
  await user.click(within(panel).getByRole('button', { name: 'Close' }))

  // Two go down in one refresh: one notification, summarising them by name.
  setStatus(b.id, 'OFF')
  setStatus(c.id, 'OFF')
  await user.click(refresh())
  await waitFor(() => expect(notifications.shown).toHaveLength(1))
  expect(notifications.shown[0]).toEqual({ title: '2 trunks went down', body: `${b.name}, ${c.name}` })

  // Coming back up: no notification (the next one below is the second shown, not the third).
  setStatus(a.id, 'ON')
  await user.click(refresh())
  await waitFor(() => expect(changesButton()).toHaveAccessibleName('Changes 2 went down, 1 came up'))
  expect(notifications.shown).toHaveLength(1)

  // One down: named in the title; the body says only when the dashboard saw it.
  setStatus(a.id, 'OFF')
  await user.click(refresh())
  await waitFor(() => expect(notifications.shown).toHaveLength(2))
  expect(notifications.shown[1]?.title).toBe(`${a.name} went down`)
  expect(notifications.shown[1]?.body).toMatch(/^Seen at \d\d:\d\d by the SIP accounts dashboard$/)
  for (const trunk of [a, b, c]) setStatus(trunk.id, 'ON')
})

test('notifications denied: the panel says so and nothing is ever shown', async () => {
  const notifications = fakeNotifications('denied')
  const { user } = renderApp(api, { as: 'owner' })
  const [trunk] = await upTrunks(1)
  if (!trunk) throw new Error('no trunk')
  const panel = await openNotifyMe(user)
  await user.click(within(panel).getByRole('button', { name: 'Notify me' }))
  await within(panel).findByText(/^Notifications are blocked for this site/)
  expect(within(panel).queryByRole('button', { name: 'Notify me' })).toBeNull()
  await user.click(within(panel).getByRole('button', { name: 'Close' }))

  setStatus(trunk.id, 'OFF')
  await user.click(refresh())
  await waitFor(() => expect(changesButton()).toHaveAccessibleName('Changes 1 went down'))
  expect(notifications.requestPermission).toHaveBeenCalledTimes(1)
  expect(notifications.shown).toEqual([])
  setStatus(trunk.id, 'ON')
})

test('a browser without notifications: the panel says so, no Notify me', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  const panel = await openNotifyMe(user)
  expect(within(panel).getByText('This browser cannot show notifications.')).toBeInTheDocument()
  expect(within(panel).queryByRole('button', { name: 'Notify me' })).toBeNull()
})
