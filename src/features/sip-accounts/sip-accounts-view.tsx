import { useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react'
import type { SipAccess } from '../../api/access-level.ts'
import type { SipAccount } from '../../api/sip-account.ts'
import { Pagination } from '../../components/pagination.tsx'
import { formatRange } from '../../lib/format.ts'
import { useStableCallback } from '../../lib/use-stable-callback.ts'
import { useSessionLive } from '../auth/session-provider.tsx'
import type { Session } from '../auth/session-store.ts'
import { LIMIT_OPTIONS, type ListParams } from './list-params.ts'
import { ListBody } from './list-body.tsx'
import { ListNotices } from './list-notices.tsx'
import { ListToolbar } from './list-toolbar.tsx'
import { sipAccountApiFor } from './sip-account-api.ts'
import { sipColumnVisibility } from './sip-account-columns.tsx'
import { sipAccountQueries } from './sip-account-queries.ts'
import { locatorFor } from './use-account-walk.ts'
import { useListLocation } from './use-list-location.ts'

const loadDrawer = () => import('./account-drawer.tsx')
const AccountDrawer = lazy(() => loadDrawer().then((module) => ({ default: module.AccountDrawer })))
const HOVER_INTENT_MS = 120

export function SipAccountsView({ session, access }: { session: Session; access: SipAccess }) {
  const location = useListLocation()
  const { update, account } = location
  const api = sipAccountApiFor(session)
  const queryClient = useQueryClient()
  const live = useSessionLive()

  // Roles without scope always see their own customer, whatever a pasted link says.
  const foreignScope = !access.scope && Boolean(location.params.customer ?? location.params.reseller)
  const params = useMemo<ListParams>(() => {
    if (access.scope) return location.params
    const own = { ...location.params }
    delete own.customer
    delete own.reseller
    return own
  }, [access.scope, location.params])
  const notices = useMemo(
    () => (foreignScope ? [...location.notices, 'Your access level lists only your own customer’s accounts, so the customer or reseller in this link was ignored.'] : location.notices),
    [foreignScope, location.notices],
  )

  const query = useQuery({ ...sipAccountQueries.list(api, params), enabled: live })
  const page = query.data
  const settled = page !== undefined && !query.isPlaceholderData

  // Prefetch the next page so Next is instant.
  useEffect(() => {
    if (!settled) return
    const offset = params.offset + params.limit
    if (offset < page.total) void queryClient.prefetchQuery(sipAccountQueries.list(api, { ...params, offset }))
  }, [settled, page, params, api, queryClient])

  // Hovering or focusing a row prefetches its drawer (code and data), so it opens instantly.
  const hoverTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(hoverTimer.current), [])
  const onIntent = useStableCallback((row: SipAccount, index: number) => {
    if (!page || query.isPlaceholderData) return
    clearTimeout(hoverTimer.current)
    hoverTimer.current = setTimeout(() => {
      void loadDrawer()
      void queryClient.prefetchQuery(sipAccountQueries.account(api, row._id, locatorFor(page, index)))
    }, HOVER_INTENT_MS)
  })
  const onOpen = useStableCallback((row: SipAccount) => update({ account: row._id }))

  const setOffset = (offset: number) => update({ offset, account: undefined })
  const resetScope = access.scope ? () => update({ customer: undefined, reseller: undefined, offset: undefined }) : undefined

  return (
    <>
      <ListNotices notices={notices} />
      <ListToolbar session={session} access={access} params={params} update={update} />
      <ListBody
        query={query}
        columnVisibility={sipColumnVisibility(access)}
        selectedId={account}
        skeletonRows={Math.min(params.limit, 12)}
        onOpen={onOpen}
        onIntent={onIntent}
        onResetScope={resetScope}
        onLastPage={(total) => setOffset(Math.floor((total - 1) / params.limit) * params.limit)}
      />
      <Pagination
        offset={params.offset}
        limit={params.limit}
        total={page?.total}
        limitOptions={LIMIT_OPTIONS}
        statusText={
          page
            ? formatRange(page.request.offset, page.sipAccounts.length, page.total)
            : query.isError
              ? 'Could not load SIP accounts'
              : 'Loading SIP accounts…'
        }
        onOffsetChange={setOffset}
        // Keep the first visible row on screen: the new offset is the page that contains it.
        onLimitChange={(limit) => update({ limit, offset: Math.floor(params.offset / limit) * limit, account: undefined })}
      />
      {/* Not while the session is over: no detail (or revealed password) outlives it. */}
      {account && live ? (
        <Suspense fallback={null}>
          <AccountDrawer
            key={session.token}
            api={api}
            access={access}
            session={session}
            accountId={account}
            page={query.isPlaceholderData ? undefined : page}
            update={update}
          />
        </Suspense>
      ) : null}
    </>
  )
}
