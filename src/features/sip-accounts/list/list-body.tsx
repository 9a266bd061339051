import type { UseQueryResult } from '@tanstack/react-query'
import { useCallback } from 'react'
import { DataTable, type ColumnSizingState, type DataColumns, type RowMark } from '../../../components/data-table.tsx'
import { LazyPartBoundary } from '../../../components/lazy-boundary.tsx'
import { lazyComponent } from '../../../lib/lazy.ts'
import { HighlightContext } from '../../../components/highlight.tsx'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { functionalUpdate, type OnChangeFn } from '@tanstack/react-table'
import { useLocationSearch } from '../../../lib/url-state.ts'
import { listViewPreference, useStoredView } from '../columns/list-view.ts'
import { patchListSearch } from './list-params.ts'
import type { SipAccountPage, SipAccountRow } from '../sip-account-api.ts'

// An empty result (no match, nothing down, past the end) needs its own words and ways out, and a
// failed answer its words for each kind of failure: both are fetched when the browser is idle after
// the first rows (preloadListStates), or by the first such answer.
const emptyState = lazyComponent(() => import('./empty-state.tsx').then((module) => module.EmptyState))
const EmptyState = emptyState.Component
const listError = lazyComponent(() => import('./list-error.tsx').then((module) => module.ListError))
const ListError = listError.Component
export function preloadListStates() {
  emptyState.preload()
  listError.preload()
}

const NO_ROWS: SipAccountRow[] = []
const getRowId = (account: SipAccountRow) => account._id
/** Name stays at the left edge while the other columns scroll sideways. */
const PINNED = ['name']

/** Resized columns join the remembered view (list-view.ts). */
const onColumnSizingChange: OnChangeFn<ColumnSizingState> = (updater) => {
  const view = listViewPreference.read()
  listViewPreference.write({ ...view, widths: functionalUpdate(updater, view.widths) })
}

interface ListBodyProps {
  query: UseQueryResult<SipAccountPage>
  columns: DataColumns<SipAccountRow>
  density: 'comfortable' | 'compact'
  /** Rows whose status just flipped. */
  flashedIds: ReadonlySet<string>
  /** Rows whose status changed since the user last marked the changes as seen. */
  rowMarks: ReadonlyMap<string, RowMark>
  selectedId: string | undefined
  skeletonRows: number
  onOpen: (account: SipAccountRow, index: number) => void
  onIntent: (account: SipAccountRow, index: number) => void
  onResetScope: (() => void) | undefined
  onLastPage: (total: number) => void
}

/** The table in each of its states: skeleton, rows (dimmed while the next page loads), empty, error. */
export function ListBody(props: ListBodyProps) {
  const { query, columns, density, flashedIds, rowMarks, selectedId, skeletonRows, onOpen, onIntent, onResetScope, onLastPage } = props
  const page = query.data
  const { t } = useI18n()
  const widths = useStoredView().widths
  // Each row's own URL: this list (same page, search, scope) with its drawer open.
  const search = useLocationSearch()
  const rowHref = useCallback((account: SipAccountRow) => `?${patchListSearch(search, { account: account._id }).toString()}`, [search])
  const error = query.isError ? (
    <LazyPartBoundary>
      <ListError error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} onResetScope={onResetScope} />
    </LazyPartBoundary>
  ) : null
  // An error is never shown as an empty table: without data there is only the alert.
  if (!page && error) return error

  return (
    <>
      {error}
      <HighlightContext value={page?.request.filter ?? ''}>
        <DataTable
          label={t('SIP accounts')}
          columns={columns}
          data={page?.sipAccounts ?? NO_ROWS}
          getRowId={getRowId}
          density={density}
          columnSizing={widths}
          onColumnSizingChange={onColumnSizingChange}
          pinnedColumnIds={PINNED}
          getRowHref={rowHref}
          flashedRowIds={flashedIds}
          rowMarks={rowMarks}
          totalRows={page?.total}
          firstRowIndex={page?.request.offset}
          stale={query.isPlaceholderData}
          skeletonRows={page ? 0 : skeletonRows}
          selectedRowId={selectedId}
          onRowOpen={onOpen}
          onRowIntent={onIntent}
          empty={
            page ? (
              <LazyPartBoundary>
                <EmptyState page={page} onLastPage={onLastPage} />
              </LazyPartBoundary>
            ) : null
          }
        />
      </HighlightContext>
    </>
  )
}
