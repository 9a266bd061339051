import type { UseQueryResult } from '@tanstack/react-query'
import type { ColumnVisibilityState } from '@tanstack/react-table'
import type { SipAccount } from '../../api/sip-account.ts'
import { DataTable } from '../../components/data-table.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { HighlightContext } from '../../components/highlight.tsx'
import { formatCount } from '../../lib/format.ts'
import { describeListError, emptyMessage } from './list-messages.ts'
import type { SipAccountPage } from './sip-account-api.ts'
import { sipAccountColumns } from './sip-account-columns.tsx'

const NO_ROWS: SipAccount[] = []
const getRowId = (account: SipAccount) => account._id

interface ListBodyProps {
  query: UseQueryResult<SipAccountPage>
  columnVisibility: ColumnVisibilityState
  selectedId: string | undefined
  skeletonRows: number
  onOpen: (account: SipAccount, index: number) => void
  onIntent: (account: SipAccount, index: number) => void
  onResetScope: (() => void) | undefined
  onLastPage: (total: number) => void
}

/** The table in each of its states: skeleton, rows (dimmed while the next page loads), empty, error. */
export function ListBody({ query, columnVisibility, selectedId, skeletonRows, onOpen, onIntent, onResetScope, onLastPage }: ListBodyProps) {
  const page = query.data
  const error = query.isError ? (
    <ListError error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} onResetScope={onResetScope} />
  ) : null
  // An error is never shown as an empty table: without data there is only the alert.
  if (!page && error) return error

  return (
    <>
      {error}
      <HighlightContext value={page?.request.filter ?? ''}>
        <DataTable
          label="SIP accounts"
          columns={sipAccountColumns}
          data={page?.sipAccounts ?? NO_ROWS}
          getRowId={getRowId}
          columnVisibility={columnVisibility}
          stale={query.isPlaceholderData}
          skeletonRows={page ? 0 : skeletonRows}
          selectedRowId={selectedId}
          onRowOpen={onOpen}
          onRowIntent={onIntent}
          empty={page ? <EmptyState page={page} onLastPage={onLastPage} /> : null}
        />
      </HighlightContext>
    </>
  )
}

function EmptyState({ page, onLastPage }: { page: SipAccountPage; onLastPage: (total: number) => void }) {
  if (page.total > 0) {
    return (
      <div className="empty-state">
        <p className="empty-title">This page is past the end of the list</p>
        <p>There are {formatCount(page.total)} accounts in all.</p>
        <button type="button" className="button" onClick={() => onLastPage(page.total)}>
          Go to the last page
        </button>
      </div>
    )
  }
  const message = emptyMessage(page.request)
  return (
    <div className="empty-state">
      <p className="empty-title">{message.title}</p>
      {message.hint ? <p>{message.hint}</p> : null}
    </div>
  )
}

interface ListErrorProps {
  error: unknown
  retrying: boolean
  onRetry: () => void
  onResetScope: (() => void) | undefined
}

function ListError({ error, retrying, onRetry, onResetScope }: ListErrorProps) {
  const view = describeListError(error)
  return (
    <ErrorAlert
      title={view.title}
      onRetry={onRetry}
      retrying={retrying}
      actions={
        view.scopeProblem && onResetScope ? (
          <button type="button" className="button" onClick={onResetScope}>
            Show my own customer
          </button>
        ) : null
      }
    >
      {view.detail}
    </ErrorAlert>
  )
}
