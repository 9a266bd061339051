import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, type ReactNode } from 'react'
import { csvFileName } from '../../lib/csv.ts'
import type { Session } from '../auth/session-store.ts'
import { customerApiFor } from './customer-api.ts'
import { customerQueries } from './customer-queries.ts'
import type { ColumnChoice, Density } from './list-view.ts'
import type { ListFields, ListScope, SipAccountApi } from './sip-account-api.ts'
import type { SipColumnSpec } from './sip-account-columns.tsx'

// Export, the column chooser and the shortcuts are fetched on first use (hover or focus starts the first two early).
const loadExport = () => import('../sip-export/export-dialog.tsx')
const ExportDialog = lazy(() => loadExport().then((module) => ({ default: module.ExportDialog })))
const loadViewOptions = () => import('./view-options-dialog.tsx')
const ViewOptionsDialog = lazy(() => loadViewOptions().then((module) => ({ default: module.ViewOptionsDialog })))
const ShortcutsDialog = lazy(() => import('./shortcuts-dialog.tsx').then((module) => ({ default: module.ShortcutsDialog })))

export type ListDialog = 'shortcuts' | 'view' | 'export'

interface ListActionsProps {
  session: Session
  api: SipAccountApi
  dialog: ListDialog | null
  onDialog: (dialog: ListDialog | null) => void
  choices: readonly ColumnChoice[]
  density: Density
  onViewChange: (choices: ColumnChoice[], density: Density) => void
  onViewReset: () => void
  exportRequest: { scope: ListScope; fields: ListFields; columns: readonly SipColumnSpec[]; total: number | undefined }
  status: ReactNode
}

/** Live status on the left; Export CSV, Columns and Keyboard shortcuts on the right. */
export function ListActions(props: ListActionsProps) {
  const { session, api, dialog, onDialog, exportRequest } = props
  const queryClient = useQueryClient()
  const close = () => onDialog(null)

  // The file is named after what it holds: scope (by name when known), search, status, date.
  const fileName = () => {
    const { scope } = exportRequest
    const nameOf = (id: string) =>
      queryClient.getQueryData(customerQueries.name(customerApiFor(session), id).queryKey)?.name ?? id
    const owner = scope.customer
      ? nameOf(scope.customer)
      : scope.reseller
        ? `reseller ${nameOf(scope.reseller)}`
        : (session.customerName ?? '')
    const status = scope.up === undefined ? '' : scope.up ? 'up' : 'down'
    return csvFileName([owner, scope.filter ?? '', status], new Date())
  }

  return (
    <div className="list-actions">
      {props.status}
      <div className="list-action-buttons">
        <button
          type="button"
          className="button small"
          onClick={() => onDialog('export')}
          onPointerEnter={() => void loadExport()}
          onFocus={() => void loadExport()}
          disabled={exportRequest.total === undefined || exportRequest.total === 0}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => onDialog('view')}
          onPointerEnter={() => void loadViewOptions()}
          onFocus={() => void loadViewOptions()}
        >
          Columns
        </button>
        <button type="button" className="button small quiet" aria-keyshortcuts="?" onClick={() => onDialog('shortcuts')}>
          Keyboard shortcuts
        </button>
      </div>
      {dialog === 'shortcuts' ? (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={close} />
        </Suspense>
      ) : null}
      {dialog === 'view' ? (
        <Suspense fallback={null}>
          <ViewOptionsDialog
            choices={props.choices}
            density={props.density}
            onChange={props.onViewChange}
            onReset={props.onViewReset}
            onClose={close}
          />
        </Suspense>
      ) : null}
      {dialog === 'export' ? (
        <Suspense fallback={null}>
          <ExportDialog
            api={api}
            scope={exportRequest.scope}
            fields={exportRequest.fields}
            columns={exportRequest.columns}
            fileName={fileName()}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </div>
  )
}
