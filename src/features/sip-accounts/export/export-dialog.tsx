import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { isApiError } from '../../../api/api-error.ts'
import { useCustomerApi, useSession, useSipAccountApi } from '../../../app/session-context.tsx'
import { Dialog } from '../../../components/dialog.tsx'
import { csvFileName } from '../../../lib/csv.ts'
import { formatCount } from '../../../lib/format.ts'
import { customerQueries } from '../scope/customer-queries.ts'
import type { ListFields, ListScope } from '../sip-account-api.ts'
import type { SipColumn } from '../columns/sip-column-catalogue.tsx'
import { exportColumnsFor } from './export-columns.ts'
import { exportSipAccounts, type ExportProgress } from './export-sip-accounts.ts'
import './export-dialog.css'

export interface ExportDialogProps {
  /** The list's scope, filter and up/down; and whether its columns need the full object. */
  scope: ListScope
  fields: ListFields
  /** Visible columns the role may see, in the table's order. */
  columns: readonly SipColumn[]
  onClose: () => void
}

type ExportState =
  | { step: 'running'; progress: ExportProgress | undefined }
  | { step: 'done'; url: string; rows: number }
  | { step: 'cancelled'; progress: ExportProgress | undefined }
  | { step: 'failed'; message: string }

/**
 * Walks the whole result set into a CSV file with a progress bar and Cancel, then hands the file
 * to the browser as a download. Loaded lazily with the first click on "Export CSV".
 */
export function ExportDialog({ scope, fields, columns, onClose }: ExportDialogProps) {
  const api = useSipAccountApi()
  const fileName = useFileName(scope)
  const [run, setRun] = useState(0)
  const [state, setState] = useState<ExportState>({ step: 'running', progress: undefined })
  const controller = useRef<AbortController>(undefined)

  useEffect(() => {
    const abort = new AbortController()
    controller.current = abort
    let url: string | undefined
    let done = 0
    exportSipAccounts({
      fetchPage: (offset, limit, signal) => api.list({ ...scope, offset, limit }, fields, signal),
      columns: exportColumnsFor(columns),
      signal: abort.signal,
      onProgress: (progress) => {
        done = progress.done
        setState({ step: 'running', progress })
      },
    }).then(
      (blob) => {
        if (abort.signal.aborted) return
        url = URL.createObjectURL(blob)
        setState({ step: 'done', url, rows: done })
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        setState({ step: 'failed', message: describeExportError(error) })
      },
    )
    return () => {
      abort.abort()
      if (url) URL.revokeObjectURL(url)
    }
    // One walk per run; the props are the list's as it was when Export was pressed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run])

  // Cancel disappears when the walk ends: the keyboard goes to Close (or Export again) instead of the page.
  const actions = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (state.step === 'running') return
    const focused = document.activeElement
    if (focused && focused !== document.body && focused.isConnected) return
    actions.current?.querySelector<HTMLButtonElement>('button.primary, button')?.focus()
  }, [state.step])

  const cancel = () => {
    controller.current?.abort()
    setState((current) => ({ step: 'cancelled', progress: current.step === 'running' ? current.progress : undefined }))
  }
  const again = () => {
    setState({ step: 'running', progress: undefined })
    setRun((value) => value + 1)
  }

  return (
    <Dialog
      title="Export CSV"
      onClose={onClose}
      actionsRef={actions}
      actions={
        state.step === 'running' ? (
          <button type="button" className="button" onClick={cancel} data-autofocus="">
            Cancel export
          </button>
        ) : (
          <>
            {state.step !== 'done' ? (
              <button type="button" className="button" onClick={again}>
                Export again
              </button>
            ) : null}
            <button type="button" className="button primary" onClick={onClose} data-autofocus="">
              Close
            </button>
          </>
        )
      }
    >
      <div className="dialog-body export-body">
        <p className="hint">
          {columns.length} {columns.length === 1 ? 'column' : 'columns'}: {columns.map((column) => column.label).join(', ')}.
        </p>
        {state.step === 'running' || state.step === 'cancelled' ? <ExportProgressBar progress={state.progress} /> : null}
        <p role="status" className="export-status">
          {state.step === 'running'
            ? 'Exporting…'
            : state.step === 'done'
              ? `Exported ${formatCount(state.rows)} accounts to ${fileName}.`
              : state.step === 'cancelled'
                ? 'Export cancelled. No file was saved.'
                : ''}
        </p>
        {state.step === 'failed' ? (
          <div role="alert" className="error-alert">
            <p className="error-alert-title">The export stopped.</p>
            <p>{state.message}</p>
          </div>
        ) : null}
        {state.step === 'done' ? <DownloadLink url={state.url} fileName={fileName} /> : null}
      </div>
    </Dialog>
  )
}

function ExportProgressBar({ progress }: { progress: ExportProgress | undefined }) {
  const labelId = useId()
  return (
    <div className="export-progress">
      <progress aria-labelledby={labelId} value={progress?.done ?? 0} max={progress && progress.total > 0 ? progress.total : 1} />
      <p id={labelId}>{progress ? `${formatCount(progress.done)} of ${formatCount(progress.total)} rows` : 'Starting…'}</p>
    </div>
  )
}

/** Clicked once by itself (the download starts), and left in place in case the browser blocked it. */
function DownloadLink({ url, fileName }: { url: string; fileName: string }) {
  const link = useRef<HTMLAnchorElement>(null)
  useEffect(() => {
    link.current?.click()
  }, [url])
  return (
    <a ref={link} className="button" href={url} download={fileName}>
      Download {fileName} again
    </a>
  )
}

function describeExportError(error: unknown): string {
  if (isApiError(error)) return error.message
  return 'Something went wrong while exporting.'
}

/** The file is named after what it holds: scope (by name when known), search, status, date. */
function useFileName(scope: ListScope): string {
  const session = useSession()
  const customerApi = useCustomerApi()
  const queryClient = useQueryClient()
  const nameOf = (id: string) => queryClient.getQueryData(customerQueries.name(customerApi, id).queryKey)?.name ?? id
  const owner = scope.customer
    ? nameOf(scope.customer)
    : scope.reseller
      ? `reseller ${nameOf(scope.reseller)}`
      : (session.customerName ?? '')
  const status = scope.up === undefined ? '' : scope.up ? 'up' : 'down'
  return csvFileName([owner, scope.filter ?? '', status], new Date())
}
