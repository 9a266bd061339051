import { t as activeT, type Translate } from '../../../lib/i18n.ts'
import type { SipColumn } from '../columns/sip-column-catalogue.tsx'
import type { ExportColumn } from './export-sip-accounts.ts'

/**
 * The visible columns, in the table's order; the caller passes only columns the role may see.
 * Headers in the user's language (the dialog passes its t); values as the catalogue writes them.
 */
export function exportColumnsFor(columns: readonly SipColumn[], t: Translate = activeT): ExportColumn[] {
  return columns.map((column) => ({ header: t(column.csvHeader ?? column.label), value: column.csv }))
}
