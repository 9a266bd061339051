import { render, renderHook, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import type { Session } from '../api/session.ts'
import { SessionScope, useCustomerApi, useSession, useSessionLive, useSipAccess, useSipAccountApi } from './session-context.tsx'

const session = (accessLevel: Session['accessLevel'], token = `token-${accessLevel}`): Session => ({
  token,
  employee: null,
  customer: null,
  accessLevel,
  name: null,
  customerName: null,
  language: null,
})

function useEverything() {
  return { session: useSession(), live: useSessionLive(), access: useSipAccess(), sip: useSipAccountApi(), customers: useCustomerApi() }
}

function scope(initial: { session: Session; live: boolean }) {
  let props = initial
  const wrapper = ({ children }: { children: ReactNode }) => (
    <SessionScope session={props.session} live={props.live}>
      {children}
    </SessionScope>
  )
  const hook = renderHook(useEverything, { wrapper })
  return {
    hook,
    rerender: (next: { session: Session; live: boolean }) => {
      props = next
      hook.rerender()
    },
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

test('the shell provides the session, its liveness and what its access level may see', () => {
  const viewer = session('VIEWER')
  const { hook, rerender } = scope({ session: viewer, live: true })
  expect(hook.result.current.session).toBe(viewer)
  expect(hook.result.current.live).toBe(true)
  expect(hook.result.current.access).toEqual({ sipAccounts: true, scope: false, notes: false, sipServer: false })
  rerender({ session: session('ADMIN'), live: true })
  expect(hook.result.current.access).toEqual({ sipAccounts: true, scope: true, notes: true, sipServer: true })
})

test('the API clients stay the same objects while the session lasts (also once it expired) and are new for the next one', () => {
  const first = session('RESELLER', 'one')
  const { hook, rerender } = scope({ session: first, live: true })
  const { sip, customers } = hook.result.current
  rerender({ session: first, live: false })
  expect(hook.result.current.sip).toBe(sip)
  expect(hook.result.current.customers).toBe(customers)
  rerender({ session: session('RESELLER', 'two'), live: true })
  expect(hook.result.current.sip).not.toBe(sip)
  expect(hook.result.current.customers).not.toBe(customers)
})

test('the SIP account API sends the session’s token and redacts by its access level', async () => {
  const row = { _id: 'a'.repeat(24), name: 'Trunk', notes: 'secret', sipServer: '10.0.0.1' }
  const fetchMock = vi.fn((_url: URL, _init: RequestInit) =>
    Promise.resolve(Response.json({ offset: 0, limit: 1, total: 1, sipAccounts: [row] })),
  )
  vi.stubGlobal('fetch', fetchMock)
  const { hook } = scope({ session: session('RESELLER', 'the-token'), live: true })
  const page = await hook.result.current.sip.list({ offset: 0, limit: 1 }, 'condensed')
  expect(new Headers(fetchMock.mock.calls[0]?.[1].headers).get('Authorization')).toBe('Bearer the-token')
  expect(page.sipAccounts[0]).toEqual({ _id: row._id, name: 'Trunk', notes: 'secret' })
})

test('a component outside the signed-in shell is told so, not handed an empty session', () => {
  function Reader() {
    return <p>{useSession().token}</p>
  }
  expect(() => render(<Reader />)).toThrow(/SessionScope/)
  expect(screen.queryByRole('paragraph')).not.toBeInTheDocument()
  // The error was expected: what React and jsdom logged about it is not a failure of this test.
  vi.mocked(console.error).mockClear()
})
