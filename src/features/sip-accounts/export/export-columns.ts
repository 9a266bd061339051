import { isPbxTrunk } from '../../../api/sip-account.ts'
import type { SipAccountRow } from '../sip-account-api.ts'
import type { SipColumnId, SipColumnSpec } from '../columns/sip-account-columns.tsx'
import type { ExportColumn } from './export-sip-accounts.ts'

const yesNo = (value: boolean | null | undefined) => (value == null ? '' : value ? 'Yes' : 'No')

/**
 * A CSV cell per table column: raw values a spreadsheet can filter (ON/OFF, IP_AUTH, Yes/No),
 * not the table's badges. Customer is the id: names would cost one request per customer.
 */
const CSV_VALUES: Record<SipColumnId, (account: SipAccountRow) => string> = {
  name: (a) => a.name ?? '',
  numbers: (a) => (a.numbers ?? []).join(' '),
  status: (a) => a.status ?? '',
  active: (a) => yesNo(a.active),
  connection: (a) => (isPbxTrunk(a) ? `PBX (cluster ${a.pbx})` : (a.connection ?? '')),
  ipAddress: (a) => a.ipAddress ?? '',
  username: (a) => a.username ?? '',
  ratePlan: (a) => a.ratePlanName ?? a.ratePlan ?? '',
  failover: (a) => (a.failover ? `${a.failover}${a.alwaysFailover ? ' (always)' : ''}` : ''),
  usageBlock: (a) => yesNo(a.usageBlock),
  defaultNumber: (a) => a.defaultNumber ?? '',
  customer: (a) => a.customer ?? '',
  contact: (a) => a.contact ?? '',
  userAgent: (a) => a.userAgent ?? '',
  notes: (a) => a.notes ?? '',
  sipServer: (a) => a.sipServer ?? '',
}

/** The visible columns, in the table's order; the caller passes only columns the role may see. */
export function exportColumnsFor(specs: readonly SipColumnSpec[]): ExportColumn[] {
  return specs.map((spec) => ({ header: spec.id === 'customer' ? 'Customer id' : spec.label, value: CSV_VALUES[spec.id] }))
}
