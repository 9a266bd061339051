import type { ReactNode } from 'react'
import { LazyDialogBoundary } from '../../../components/lazy-boundary.tsx'
import { lazyComponent } from '../../../lib/lazy.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import type { ColumnChoice, Density } from '../columns/list-view.ts'
import type { ListFields, ListScope } from '../sip-account-api.ts'
import type { SipColumn } from '../columns/sip-column-catalogue.tsx'
import './list-actions.css'

// Export, the column chooser and the shortcuts are fetched on first use (hover or focus starts the first two early).
const exportDialog = lazyComponent(() => import('../export/export-dialog.tsx').then((module) => module.ExportDialog))
const viewOptionsDialog = lazyComponent(() => import('../columns/view-options-dialog.tsx').then((module) => module.ViewOptionsDialog))
const shortcutsDialog = lazyComponent(() => import('./shortcuts-dialog.tsx').then((module) => module.ShortcutsDialog))
const ExportDialog = exportDialog.Component
const ViewOptionsDialog = viewOptionsDialog.Component
const ShortcutsDialog = shortcutsDialog.Component

export type ListDialog = 'shortcuts' | 'view' | 'export'

interface ListActionsProps {
  dialog: ListDialog | null
  onDialog: (dialog: ListDialog | null) => void
  choices: readonly ColumnChoice[]
  density: Density
  onViewChange: (choices: ColumnChoice[], density: Density) => void
  onViewReset: () => void
  exportRequest: { scope: ListScope; fields: ListFields; columns: readonly SipColumn[]; total: number | undefined }
  status: ReactNode
}

/** Live status on the left; Export CSV, Columns and Keyboard shortcuts on the right. */
export function ListActions(props: ListActionsProps) {
  const { dialog, onDialog, exportRequest } = props
  const close = () => onDialog(null)
  const { t } = useI18n()

  return (
    <div className="list-actions">
      {props.status}
      <div className="list-action-buttons">
        <button
          type="button"
          className="button small"
          onClick={() => onDialog('export')}
          onPointerEnter={exportDialog.preload}
          onFocus={exportDialog.preload}
          disabled={exportRequest.total === undefined || exportRequest.total === 0}
        >
          {t('Export CSV')}
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => onDialog('view')}
          onPointerEnter={viewOptionsDialog.preload}
          onFocus={viewOptionsDialog.preload}
        >
          {t('Columns')}
        </button>
        <button type="button" className="button small quiet" aria-keyshortcuts="?" onClick={() => onDialog('shortcuts')}>
          {t('Keyboard shortcuts')}
        </button>
      </div>
      {dialog === 'shortcuts' ? (
        <LazyDialogBoundary title={t('Keyboard shortcuts')} onClose={close}>
          <ShortcutsDialog onClose={close} />
        </LazyDialogBoundary>
      ) : null}
      {dialog === 'view' ? (
        <LazyDialogBoundary title={t('Table view')} onClose={close}>
          <ViewOptionsDialog
            choices={props.choices}
            density={props.density}
            onChange={props.onViewChange}
            onReset={props.onViewReset}
            onClose={close}
          />
        </LazyDialogBoundary>
      ) : null}
      {dialog === 'export' ? (
        <LazyDialogBoundary title={t('Export CSV')} onClose={close}>
          <ExportDialog scope={exportRequest.scope} fields={exportRequest.fields} columns={exportRequest.columns} onClose={close} />
        </LazyDialogBoundary>
      ) : null}
    </div>
  )
}
