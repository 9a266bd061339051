import type { RestrictedSipField, SipAccess } from '../../../api/access-level.ts'
import { createDataColumnHelper, type DataColumns } from '../../../components/data-table.tsx'
import { formatYesNo, textOrDash } from '../../../lib/format.ts'
import type { SipAccountRow } from '../sip-account-api.ts'
import {
  ClampedText,
  ConnectionCell,
  CustomerCell,
  FailoverCell,
  NumbersCell,
  SearchableText,
  StatusBadge,
  UsageBlockCell,
} from './sip-account-cells.tsx'

export const SIP_COLUMN_IDS = [
  'name',
  'numbers',
  'status',
  'active',
  'connection',
  'ipAddress',
  'username',
  'ratePlan',
  'failover',
  'usageBlock',
  'defaultNumber',
  'customer',
  'contact',
  'userAgent',
  'notes',
  'sipServer',
] as const
export type SipColumnId = (typeof SIP_COLUMN_IDS)[number]

/** What the column chooser, the list request and the export need to know about a column. */
export interface SipColumnSpec {
  id: SipColumnId
  label: string
  /** Only the full object carries it: showing the column makes the list ask for full=true. */
  full: boolean
  /** Shown until the user changes the view. */
  defaultVisible: boolean
  /** A field not every access level may see: the column is not even offered without it. */
  restricted?: RestrictedSipField
}

/** In the default order. */
export const SIP_COLUMN_SPECS: readonly SipColumnSpec[] = [
  { id: 'name', label: 'Name', full: false, defaultVisible: true },
  { id: 'numbers', label: 'Numbers', full: false, defaultVisible: true },
  { id: 'status', label: 'Status', full: false, defaultVisible: true },
  { id: 'active', label: 'Active', full: false, defaultVisible: true },
  { id: 'connection', label: 'Connection', full: false, defaultVisible: true },
  { id: 'ipAddress', label: 'IP address', full: false, defaultVisible: true },
  { id: 'username', label: 'Username', full: false, defaultVisible: true },
  { id: 'ratePlan', label: 'Rate plan', full: false, defaultVisible: true },
  { id: 'failover', label: 'Failover', full: false, defaultVisible: true },
  { id: 'usageBlock', label: 'Usage block', full: false, defaultVisible: true },
  // In the documented condensed example but not in its field table: treated as full-only.
  { id: 'defaultNumber', label: 'Default number', full: true, defaultVisible: false },
  { id: 'customer', label: 'Customer', full: true, defaultVisible: false },
  { id: 'contact', label: 'Contact', full: true, defaultVisible: false },
  { id: 'userAgent', label: 'User agent', full: true, defaultVisible: false },
  { id: 'notes', label: 'Notes', full: true, defaultVisible: false, restricted: 'notes' },
  { id: 'sipServer', label: 'SIP server', full: true, defaultVisible: false, restricted: 'sipServer' },
]

const permittedCache = new Map<string, readonly SipColumnSpec[]>()

/**
 * The columns an access level may see, in the default order; decided before the first row
 * renders, so no column flashes in late. The same array for the same access.
 */
export function permittedColumns(access: SipAccess): readonly SipColumnSpec[] {
  const key = `${access.notes}:${access.sipServer}`
  let permitted = permittedCache.get(key)
  if (!permitted) {
    permitted = SIP_COLUMN_SPECS.filter((spec) => !spec.restricted || access[spec.restricted])
    permittedCache.set(key, permitted)
  }
  return permitted
}

const helper = createDataColumnHelper<SipAccountRow>()

/** Module scope: one stable definition per column; the view picks and orders them. */
const allColumns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: 'Name',
    meta: { className: 'col-name' },
    cell: (info) => <ClampedText value={info.getValue()} searchable />,
  }),
  helper.accessor('numbers', {
    id: 'numbers',
    header: 'Numbers',
    meta: { className: 'col-numbers num' },
    cell: (info) => <NumbersCell numbers={info.getValue()} />,
  }),
  helper.accessor('status', {
    id: 'status',
    header: 'Status',
    meta: { className: 'col-status' },
    cell: (info) => <StatusBadge account={info.row.original} />,
  }),
  helper.accessor('active', {
    id: 'active',
    header: 'Active',
    meta: { className: 'col-active' },
    cell: (info) => formatYesNo(info.getValue()),
  }),
  helper.accessor('connection', {
    id: 'connection',
    header: 'Connection',
    meta: { className: 'col-connection' },
    cell: (info) => <ConnectionCell account={info.row.original} />,
  }),
  helper.accessor('ipAddress', {
    id: 'ipAddress',
    header: 'IP address',
    meta: { className: 'col-ip num' },
    cell: (info) => <SearchableText value={info.getValue()} />,
  }),
  helper.accessor('username', {
    id: 'username',
    header: 'Username',
    meta: { className: 'col-username mono' },
    cell: (info) => <SearchableText value={info.getValue()} />,
  }),
  helper.accessor('ratePlanName', {
    id: 'ratePlan',
    header: 'Rate plan',
    meta: { className: 'col-rate-plan' },
    // Not searched by the API, so never highlighted.
    cell: (info) => textOrDash(info.getValue()),
  }),
  helper.accessor('failover', {
    id: 'failover',
    header: 'Failover',
    meta: { className: 'col-failover num' },
    cell: (info) => <FailoverCell account={info.row.original} />,
  }),
  helper.accessor('usageBlock', {
    id: 'usageBlock',
    header: 'Usage block',
    meta: { className: 'col-usage-block' },
    cell: (info) => <UsageBlockCell blocked={info.getValue()} />,
  }),
  helper.accessor('defaultNumber', {
    id: 'defaultNumber',
    header: 'Default number',
    meta: { className: 'col-default-number num' },
    cell: (info) => textOrDash(info.getValue()),
  }),
  helper.accessor('customer', {
    id: 'customer',
    header: 'Customer',
    meta: { className: 'col-customer' },
    cell: (info) => <CustomerCell id={info.getValue()} />,
  }),
  helper.accessor('contact', {
    id: 'contact',
    header: 'Contact',
    meta: { className: 'col-contact mono' },
    cell: (info) => <ClampedText value={info.getValue()} />,
  }),
  helper.accessor('userAgent', {
    id: 'userAgent',
    header: 'User agent',
    meta: { className: 'col-user-agent' },
    cell: (info) => <ClampedText value={info.getValue()} />,
  }),
  helper.accessor('notes', {
    id: 'notes',
    header: 'Notes',
    meta: { className: 'col-notes' },
    cell: (info) => <ClampedText value={info.getValue()} searchable />,
  }),
  helper.accessor('sipServer', {
    id: 'sipServer',
    header: 'SIP server',
    meta: { className: 'col-sip-server mono' },
    cell: (info) => textOrDash(info.getValue()),
  }),
])

const columnById = new Map(allColumns.map((column) => [column.id, column]))
const columnsCache = new Map<string, DataColumns<SipAccountRow>>()

/** The table's columns for these ids, in this order; the same array for the same ids. */
export function sipTableColumns(ids: readonly SipColumnId[]): DataColumns<SipAccountRow> {
  const key = ids.join(',')
  let columns = columnsCache.get(key)
  if (!columns) {
    columns = ids.flatMap((id) => {
      const column = columnById.get(id)
      return column ? [column] : []
    })
    columnsCache.set(key, columns)
  }
  return columns
}
