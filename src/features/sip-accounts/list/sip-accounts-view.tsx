import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useSession, useSessionLive, useSipAccess, useSipAccountApi } from '../../../app/session-context.tsx'
import { LazyDialogBoundary, preloadFailedDialog } from '../../../components/lazy-boundary.tsx'
import { Pagination } from '../../../components/pagination.tsx'
import { preloadPopover } from '../../../components/popover.tsx'
import { afterPaint, lazyComponent, useLoaded, whenIdle } from '../../../lib/lazy.ts'
import { formatRange } from '../../../lib/format.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { useStableCallback } from '../../../lib/use-stable-callback.ts'
import { ListActions, type ListDialog } from './list-actions.tsx'
import { LIMIT_OPTIONS } from './list-params.ts'
import { ListBody, preloadListStates } from './list-body.tsx'
import { ListNotices } from './list-notices.tsx'
import { ListToolbar } from './list-toolbar.tsx'
import { listViewPreference, resolveColumns, toStored, useStoredView, DEFAULT_VIEW } from '../columns/list-view.ts'
import { LiveStatus } from './live-status.tsx'
import { locatorFor, scopeOf, type ListFields, type SipAccountRow } from '../sip-account-api.ts'
import { permittedColumns, sipTableColumns } from '../columns/sip-column-catalogue.tsx'
import { sipAccountQueries } from '../sip-account-queries.ts'
import { useListLocation } from './use-list-location.ts'
import { listScope } from './list-scope.ts'
import { useLandingHint } from './landing-hint.ts'
import { useStatusCounts } from './use-status-counts.ts'
import { useStatusFlips } from './use-status-flips.ts'
import { CustomerNamesContext, useListedCustomerNames, usePrefetchCustomerNames } from '../scope/use-customer-name.ts'
import { ChangesButton } from '../changes/changes-button.tsx'
import { useChangeLog, useChangeLogState, useRowMarks } from '../changes/change-log-context.tsx'

const accountDrawer = lazyComponent(() => import('../drawer/account-drawer.tsx').then((module) => module.AccountDrawer))
const AccountDrawer = accountDrawer.Component
// The page keys are not needed to show the first rows: they load right after them.
const listHotkeys = lazyComponent(() => import('./list-hotkeys.ts').then((module) => module.ListHotkeys))
const ListHotkeys = listHotkeys.Component
const HOVER_INTENT_MS = 120
/** The list refreshes this often while the tab is visible (React Query pauses it when hidden). */
export const LIVE_REFRESH_MS = 30_000

/** Only full rows carry `customer` (the condensed object has none), so the Customer column asks full=true. */
const customerOf = (row: SipAccountRow) => row.customer

export function SipAccountsView() {
  const session = useSession()
  const access = useSipAccess()
  const api = useSipAccountApi()
  const location = useListLocation()
  const { update, account } = location
  const queryClient = useQueryClient()
  const live = useSessionLive()
  const { t } = useI18n()

  // Roles without scope always see their own customer, whatever a pasted link says; roles with
  // scope land on all their customers (decision 041).
  const scope = useMemo(() => listScope(location.params, access.scope, session.customer), [location.params, access.scope, session.customer])
  const { params } = scope
  // A reload of a plain URL then starts this landing page beside validateToken (029, 041).
  useLandingHint(access.scope ? (session.customer ?? undefined) : undefined)
  const notices = useMemo(
    () =>
      scope.ignoredScope
        ? [
            ...location.notices,
            t('Your access level lists only your own customer’s accounts, so the customer or reseller in this link was ignored.'),
          ]
        : location.notices,
    [scope.ignoredScope, location.notices, t],
  )

  // The table view: the permitted columns in the user's order, and the density.
  const stored = useStoredView()
  const permitted = permittedColumns(access)
  // The Customer column is there by default whenever the rows may belong to several customers (042).
  const { severalCustomers } = scope
  const choices = useMemo(() => resolveColumns(stored, permitted, { severalCustomers }), [stored, permitted, severalCustomers])
  const visible = useMemo(() => choices.filter((choice) => choice.visible).map((choice) => choice.spec), [choices])
  const columns = sipTableColumns(visible.map((spec) => spec.id))
  // full=true only when a visible column needs the full object.
  const fields: ListFields = visible.some((spec) => spec.full) ? 'full' : 'condensed'

  const changeLog = useChangeLog()
  // "Notify me" is on: keep refreshing while the tab is hidden too, or no notification could come.
  const { notifying } = useChangeLogState()
  const query = useQuery({
    ...sipAccountQueries.list(api, params, fields),
    enabled: live,
    refetchInterval: LIVE_REFRESH_MS,
    refetchIntervalInBackground: notifying,
    // Back from another tab after the interval: refresh at once (only when stale, i.e. ≥ 30 s old).
    refetchOnWindowFocus: true,
  })
  const page = query.data
  const settled = page !== undefined && !query.isPlaceholderData
  // The Status filter's numbers, asked beside the list (not after it) and refreshed with it (043).
  const { filter, customer, reseller } = params
  const counts = useStatusCounts({ filter, customer, reseller }, { up: params.up, refetchInterval: LIVE_REFRESH_MS })
  const flips = useStatusFlips(settled ? page : undefined)
  // Every answer shown goes to the session's change log (which compares it with earlier answers).
  const fetchedAt = query.dataUpdatedAt
  useEffect(() => {
    if (!settled) return
    const { customer, reseller } = page.request
    // Only full rows name their customer; a one-customer scope names it for every row.
    changeLog.observe(page.sipAccounts, fetchedAt, customer ?? (reseller ? undefined : (session.customer ?? undefined)))
  }, [settled, page, fetchedAt, changeLog, session.customer])
  const rowMarks = useRowMarks()
  // The Customer column's names, for the whole page in one request (not one per row).
  const namesShown = visible.some((spec) => spec.id === 'customer')
  const customerNames = useListedCustomerNames(namesShown ? (page?.sipAccounts.map(customerOf) ?? []) : [])
  const prefetchNames = usePrefetchCustomerNames()

  // Prefetch the next page so Next is instant (and its customers' names, so they show at once too),
  // once this page is painted: its request (two for full rows) is not part of the task that shows it.
  useEffect(() => {
    if (!settled) return
    const offset = params.offset + params.limit
    if (offset >= page.total) return
    return afterPaint(() => {
      const next = sipAccountQueries.list(api, { ...params, offset }, fields)
      void queryClient.prefetchQuery(next).then(() => {
        const rows = queryClient.getQueryData(next.queryKey)?.sipAccounts
        if (namesShown && rows) prefetchNames(rows.map(customerOf))
      })
    })
  }, [settled, page, params, api, queryClient, fields, namesShown, prefetchNames])

  // Hovering or focusing a row prefetches its drawer (code and data), so it opens instantly.
  const hoverTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(hoverTimer.current), [])
  const prefetchDrawer = (row: SipAccountRow, index: number) => {
    if (!page || query.isPlaceholderData) return
    accountDrawer.preload()
    void queryClient.prefetchQuery(sipAccountQueries.account(api, row._id, locatorFor(page, index)))
  }
  const onIntent = useStableCallback((row: SipAccountRow, index: number) => {
    clearTimeout(hoverTimer.current)
    hoverTimer.current = setTimeout(() => prefetchDrawer(row, index), HOVER_INTENT_MS)
  })
  // The click starts the drawer's code and data together, not one after the other.
  const onOpen = useStableCallback((row: SipAccountRow, index: number) => {
    clearTimeout(hoverTimer.current)
    prefetchDrawer(row, index)
    update({ account: row._id })
  })

  // Once the first rows are on screen and the browser is idle, fetch the drawer's code (5.5 kB), the
  // numbers popover's, the failure dialog's and the empty result's: their first open then waits for
  // data only (or, for the failure dialog, needs no network at all).
  useEffect(() => {
    if (!settled) return
    return whenIdle(() => {
      accountDrawer.preload()
      preloadPopover()
      preloadFailedDialog()
      preloadListStates()
    })
  }, [settled])

  const setOffset = (offset: number) => update({ offset, account: undefined })
  // The way back from a customer that cannot be shown: one's own, which always can.
  const resetScope = access.scope
    ? () => update({ customer: session.customer ?? undefined, reseller: undefined, offset: undefined })
    : undefined
  const total = page?.total

  const [dialog, setDialog] = useState<ListDialog | null>(null)
  // The first rows, or the error in their place, are on screen: what is not needed to show them
  // (page keys, the pickers' listing…) loads now, in effects that run after that render (016).
  const afterFirstRows = page !== undefined || query.isError
  const hotkeys = useLoaded(listHotkeys, afterFirstRows)

  return (
    <>
      {hotkeys ? (
        <ListHotkeys
          enabled={live && !account && dialog === null}
          offset={params.offset}
          limit={params.limit}
          total={total}
          onOffset={setOffset}
          onShortcuts={() => setDialog('shortcuts')}
        />
      ) : null}
      <ListNotices notices={notices} />
      <ListToolbar
        params={params}
        chosen={location.params}
        scope={scope.kind}
        counts={counts}
        searchText={location.searchText}
        update={update}
        afterFirstRows={afterFirstRows}
      />
      <ListActions
        dialog={dialog}
        onDialog={setDialog}
        choices={choices}
        density={stored.density}
        onViewChange={(next, density) => listViewPreference.write(toStored(next, density))}
        onViewReset={() => listViewPreference.write(DEFAULT_VIEW)}
        exportRequest={{ scope: scopeOf(params), fields, columns: visible, total }}
        status={
          <LiveStatus
            updatedAt={settled ? query.dataUpdatedAt : 0}
            refreshing={query.fetchStatus === 'fetching' && settled}
            failed={query.isError && page !== undefined}
            offline={query.fetchStatus === 'paused'}
            onRefresh={() => {
              void query.refetch()
              counts.refetch()
            }}
          >
            <ChangesButton marks={rowMarks} onOpenAccount={(id) => update({ account: id })} />
          </LiveStatus>
        }
      />
      <CustomerNamesContext value={customerNames}>
        <ListBody
          query={query}
          columns={columns}
          density={stored.density}
          flashedIds={flips.ids}
          rowMarks={rowMarks}
          selectedId={account}
          skeletonRows={Math.min(params.limit, 12)}
          onOpen={onOpen}
          onIntent={onIntent}
          onResetScope={resetScope}
          onLastPage={(count) => setOffset(Math.floor((count - 1) / params.limit) * params.limit)}
        />
      </CustomerNamesContext>
      <Pagination
        offset={params.offset}
        limit={params.limit}
        total={total}
        limitOptions={LIMIT_OPTIONS}
        statusText={
          page
            ? formatRange(page.request.offset, page.sipAccounts.length, page.total)
            : query.isError
              ? t('Could not load SIP accounts')
              : t('Loading SIP accounts…')
        }
        onOffsetChange={setOffset}
        // Keep the first visible row on screen: the new offset is the page that contains it.
        onLimitChange={(limit) => update({ limit, offset: Math.floor(params.offset / limit) * limit, account: undefined })}
      />
      {/* Not while the session is over: no detail (or revealed password) outlives it. */}
      {account && live ? (
        <LazyDialogBoundary title={t('SIP account')} onClose={() => update({ account: undefined })}>
          <AccountDrawer key={session.token} accountId={account} page={query.isPlaceholderData ? undefined : page} update={update} />
        </LazyDialogBoundary>
      ) : null}
    </>
  )
}
