import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { useCustomerApi, useSession, useSipAccountApi } from '../../../app/session-context.tsx'
import { Dialog } from '../../../components/dialog.tsx'
import { csvFileName, csvSeparatorFor, type CsvSeparator } from '../../../lib/csv.ts'
import { errorText } from '../../../lib/error-text.ts'
import { msg, type Translate } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
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
  | { step: 'done'; urls: Readonly<Record<CsvSeparator, string>>; rows: number }
  | { step: 'cancelled'; progress: ExportProgress | undefined }
  | { step: 'failed'; message: string }

/**
 * Walks the whole result set into a CSV file with a progress bar and Cancel, then hands the file
 * to the browser as a download. Loaded lazily with the first click on "Export CSV". The file is
 * written with both separators; the one shown (and downloaded) follows the page's language until
 * the user picks the other (decision 049).
 */
export function ExportDialog({ scope, fields, columns, onClose }: ExportDialogProps) {
  const { t, locale } = useI18n()
  const api = useSipAccountApi()
  const fileName = useFileName(scope)
  const [separator, setSeparator] = useState<CsvSeparator>(() => csvSeparatorFor(locale))
  const [run, setRun] = useState(0)
  const [state, setState] = useState<ExportState>({ step: 'running', progress: undefined })
  const controller = useRef<AbortController>(undefined)

  useEffect(() => {
    const abort = new AbortController()
    controller.current = abort
    let urls: Record<CsvSeparator, string> | undefined
    let done = 0
    exportSipAccounts({
      fetchPage: (offset, limit, signal) => api.list({ ...scope, offset, limit }, fields, signal),
      // Headers in the page's language when Export was pressed.
      columns: exportColumnsFor(columns, t),
      signal: abort.signal,
      onProgress: (progress) => {
        done = progress.done
        setState({ step: 'running', progress })
      },
    }).then(
      (files) => {
        if (abort.signal.aborted) return
        urls = { ',': URL.createObjectURL(files[',']), ';': URL.createObjectURL(files[';']) }
        setState({ step: 'done', urls, rows: done })
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        setState({ step: 'failed', message: describeExportError(error, t) })
      },
    )
    return () => {
      abort.abort()
      if (urls) for (const url of Object.values(urls)) URL.revokeObjectURL(url)
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
      title={t('Export CSV')}
      onClose={onClose}
      actionsRef={actions}
      actions={
        state.step === 'running' ? (
          <button type="button" className="button" onClick={cancel} data-autofocus="">
            {t('Cancel export')}
          </button>
        ) : (
          <>
            {state.step !== 'done' ? (
              <button type="button" className="button" onClick={again}>
                {t('Export again')}
              </button>
            ) : null}
            <button type="button" className="button primary" onClick={onClose} data-autofocus="">
              {t('Close')}
            </button>
          </>
        )
      }
    >
      <div className="dialog-body export-body">
        <p className="hint">
          {t('{count, plural, one {# column} other {# columns}}: {names}.', {
            count: columns.length,
            names: columns.map((column) => t(column.label)).join(', '),
          })}
        </p>
        <SeparatorChoice separator={separator} onChange={setSeparator} />
        {state.step === 'running' || state.step === 'cancelled' ? <ExportProgressBar progress={state.progress} /> : null}
        <p role="status" className="export-status">
          {state.step === 'running'
            ? t('Exporting…')
            : state.step === 'done'
              ? t('Exported {count} accounts to {fileName}.', { count: state.rows, fileName })
              : state.step === 'cancelled'
                ? t('Export cancelled. No file was saved.')
                : ''}
        </p>
        {state.step === 'failed' ? (
          <div role="alert" className="error-alert">
            <p className="error-alert-title">{t('The export stopped.')}</p>
            <p>{state.message}</p>
          </div>
        ) : null}
        {state.step === 'done' ? <DownloadLink url={state.urls[separator]} fileName={fileName} /> : null}
      </div>
    </Dialog>
  )
}

/**
 * Which separator the file gets: the page's language decides the default (Danish Excel splits
 * at semicolons, English at commas), the user may pick the other for a spreadsheet set up
 * differently. Both files are made by the same walk, so a change costs no request.
 */
function SeparatorChoice({ separator, onChange }: { separator: CsvSeparator; onChange: (separator: CsvSeparator) => void }) {
  const { t } = useI18n()
  const name = useId()
  const hintId = useId()
  return (
    <fieldset className="export-separator" aria-describedby={hintId}>
      <legend>{t('Separator')}</legend>
      <div className="export-separator-choices">
        <label>
          <input type="radio" name={name} checked={separator === ','} onChange={() => onChange(',')} />
          {t('Comma (,)')}
        </label>
        <label>
          <input type="radio" name={name} checked={separator === ';'} onChange={() => onChange(';')} />
          {t('Semicolon (;)')}
        </label>
      </div>
      <p id={hintId} className="hint">
        {t('Semicolon suits Excel in Danish (with a decimal comma), comma suits Excel in English.')}
      </p>
    </fieldset>
  )
}

function ExportProgressBar({ progress }: { progress: ExportProgress | undefined }) {
  const { t } = useI18n()
  const labelId = useId()
  return (
    <div className="export-progress">
      <progress aria-labelledby={labelId} value={progress?.done ?? 0} max={progress && progress.total > 0 ? progress.total : 1} />
      <p id={labelId}>{progress ? t('{done} of {total} rows', { done: progress.done, total: progress.total }) : t('Starting…')}</p>
    </div>
  )
}

/**
 * Clicked once by itself when the file is ready (the download starts), and left in place in case
 * the browser blocked it; after a change of separator it is how the other file is fetched (no
 * download starts by itself on a change: arrow keys in the radio group change it too).
 */
function DownloadLink({ url, fileName }: { url: string; fileName: string }) {
  const { t } = useI18n()
  const link = useRef<HTMLAnchorElement>(null)
  useEffect(() => {
    link.current?.click()
  }, [])
  return (
    <a ref={link} className="button" href={url} download={fileName}>
      {t('Download {fileName} again', { fileName })}
    </a>
  )
}

function describeExportError(error: unknown, t: Translate): string {
  return errorText(error, msg('Something went wrong while exporting.'), t)
}

/** The file is named after what it holds: scope (by name when known), search, status, date. */
function useFileName(scope: ListScope): string {
  const session = useSession()
  const customerApi = useCustomerApi()
  const queryClient = useQueryClient()
  const nameOf = (id: string) => queryClient.getQueryData(customerQueries.name(customerApi, id).queryKey)?.name ?? id
  const { t } = useI18n()
  const owner = scope.customer
    ? nameOf(scope.customer)
    : scope.reseller
      ? t('reseller {name}', { name: nameOf(scope.reseller) })
      : (session.customerName ?? '')
  const status = scope.up === undefined ? '' : scope.up ? t('up') : t('down')
  return csvFileName([t('sip-accounts'), owner, scope.filter ?? '', status], new Date())
}
