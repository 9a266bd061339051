import type { ColumnVisibilityState } from '@tanstack/react-table'
import type { SipAccess } from '../../api/access-level.ts'
import type { SipAccount } from '../../api/sip-account.ts'
import { createDataColumnHelper } from '../../components/data-table.tsx'
import { formatYesNo, textOrDash } from '../../lib/format.ts'
import {
  ConnectionCell,
  FailoverCell,
  NumbersCell,
  SearchableText,
  StatusBadge,
  UsageBlockCell,
} from './sip-account-cells.tsx'

const helper = createDataColumnHelper<SipAccount>()

/** Module scope: one stable column set, so the table never rebuilds its models on re-render. */
export const sipAccountColumns = helper.columns([
  helper.accessor('name', {
    header: 'Name',
    meta: { className: 'col-name' },
    cell: (info) => <SearchableText value={info.getValue()} />,
  }),
  helper.accessor('numbers', {
    header: 'Numbers',
    meta: { className: 'col-numbers num' },
    cell: (info) => <NumbersCell numbers={info.getValue()} />,
  }),
  helper.accessor('status', {
    header: 'Status',
    meta: { className: 'col-status' },
    cell: (info) => <StatusBadge account={info.row.original} />,
  }),
  helper.accessor('active', {
    header: 'Active',
    meta: { className: 'col-active' },
    cell: (info) => formatYesNo(info.getValue()),
  }),
  helper.accessor('connection', {
    header: 'Connection',
    meta: { className: 'col-connection' },
    cell: (info) => <ConnectionCell account={info.row.original} />,
  }),
  helper.accessor('ipAddress', {
    header: 'IP address',
    meta: { className: 'col-ip num' },
    cell: (info) => <SearchableText value={info.getValue()} />,
  }),
  helper.accessor('username', {
    header: 'Username',
    meta: { className: 'col-username mono' },
    cell: (info) => <SearchableText value={info.getValue()} />,
  }),
  helper.accessor('ratePlanName', {
    header: 'Rate plan',
    meta: { className: 'col-rate-plan' },
    // Not searched by the API, so never highlighted.
    cell: (info) => textOrDash(info.getValue()),
  }),
  helper.accessor('failover', {
    header: 'Failover',
    meta: { className: 'col-failover num' },
    cell: (info) => <FailoverCell account={info.row.original} />,
  }),
  helper.accessor('usageBlock', {
    header: 'Usage block',
    meta: { className: 'col-usage-block' },
    cell: (info) => <UsageBlockCell blocked={info.getValue()} />,
  }),
])

/** Columns holding a restricted field carry its name as id; these are hidden for roles without it. */
const RESTRICTED_COLUMNS: Record<string, keyof SipAccess> = { notes: 'notes', sipServer: 'sipServer' }

const visibilityCache = new Map<string, ColumnVisibilityState>()

/**
 * Which columns a role sees, decided from sipAccessFor() before the first row renders, so no
 * permission-dependent column ever flashes in late. Stable objects per access shape.
 */
export function sipColumnVisibility(access: SipAccess): ColumnVisibilityState {
  const key = JSON.stringify(access)
  let visibility = visibilityCache.get(key)
  if (!visibility) {
    visibility = {}
    for (const [column, field] of Object.entries(RESTRICTED_COLUMNS)) if (!access[field]) visibility[column] = false
    visibilityCache.set(key, visibility)
  }
  return visibility
}
