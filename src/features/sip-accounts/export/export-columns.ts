import type { SipColumn } from '../columns/sip-column-catalogue.tsx'
import type { ExportColumn } from './export-sip-accounts.ts'

/** The visible columns, in the table's order; the caller passes only columns the role may see. */
export function exportColumnsFor(columns: readonly SipColumn[]): ExportColumn[] {
  return columns.map((column) => ({ header: column.csvHeader ?? column.label, value: column.csv }))
}
