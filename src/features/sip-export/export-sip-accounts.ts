import { redactSipAccount, type AccessLevel } from '../../api/access-level.ts'
import { getJson } from '../../api/http.ts'
import {
  SIP_LIST_LIMIT,
  SipAccountFullListSchema,
  SipAccountListSchema,
  type SipAccountFull,
  type SipListParams,
} from '../../api/sip-account.ts'
import { UTF8_BOM, csvLine } from '../../lib/csv.ts'

/** One CSV column: the header and how a (condensed or full) account becomes a cell. */
export interface ExportColumn {
  header: string
  value: (account: SipAccountFull) => string
}

export interface ExportProgress {
  done: number
  total: number
}

export interface ExportRequest {
  /** The list's scope, filter and up/down; offset and limit are the walker's. */
  params: Omit<SipListParams, 'offset' | 'limit'>
  /** Only the columns visible and permitted for the role. */
  columns: readonly ExportColumn[]
  level: AccessLevel
  token: string
  signal: AbortSignal
  onProgress: (progress: ExportProgress) => void
}

/**
 * Every account matching the list's scope, filter and up/down, walked in 500-row pages (the
 * API's maximum). Each page is turned into CSV lines as it arrives, so memory holds strings,
 * not objects, and the page stays responsive between requests. Cancel through the signal.
 */
export async function exportSipAccounts(request: ExportRequest): Promise<Blob> {
  const { params, columns, level, token, signal, onProgress } = request
  const chunks: string[] = [UTF8_BOM, csvLine(columns.map((column) => column.header))]
  const schema = params.full ? SipAccountFullListSchema : SipAccountListSchema
  let offset = 0
  let total = Infinity
  let done = 0
  while (offset < total) {
    const page = await getJson(
      '/sip',
      { ...params, offset, limit: SIP_LIST_LIMIT.max },
      schema,
      { signal, token },
    )
    total = page.total
    for (const account of page.sipAccounts) {
      const visible = redactSipAccount(account, level)
      chunks.push(csvLine(columns.map((column) => column.value(visible))))
    }
    done += page.sipAccounts.length
    onProgress({ done, total })
    // An API that returns fewer rows than asked ends the walk instead of looping forever.
    if (page.sipAccounts.length === 0) break
    offset += page.sipAccounts.length
  }
  return new Blob(chunks, { type: 'text/csv;charset=utf-8' })
}
