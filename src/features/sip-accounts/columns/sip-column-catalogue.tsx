import type { ReactNode } from 'react'
import type { RestrictedSipField, SipAccess } from '../../../api/access-level.ts'
import { isPbxTrunk } from '../../../api/sip-account.ts'
import { createDataColumnHelper, type DataColumns } from '../../../components/data-table.tsx'
import { textOrDash } from '../../../lib/format.ts'
import { activeLocale, clearOnActivate, t, type Locale, type MessageKey, msg, type Translate } from '../../../lib/i18n.ts'
import { formatPhoneNumber } from '../../../lib/phone-number.ts'
import type { SipAccountRow } from '../sip-account-api.ts'
import {
  ActiveCell,
  ClampedText,
  ConnectionCell,
  CustomerCell,
  FailoverCell,
  NameCell,
  NumbersCell,
  SearchableText,
  StatusBadge,
  UsageBlockCell,
} from './sip-account-cells.tsx'
import './sip-account-columns.css'

/**
 * Everything about one column of the SIP account list, in one entry: the table, the column
 * chooser, the list request (full=true), export and the role rules all read this catalogue, so a
 * column is added, renamed or restricted in one place.
 */
export interface SipColumn<Id extends string = SipColumnId> {
  id: Id
  /**
   * The header, the chooser's label and the CSV header (unless csvHeader says otherwise): a
   * message key, translated where it is shown (t(label)).
   */
  label: MessageKey
  /** Only the full object carries it: showing the column makes the list ask for full=true. */
  full: boolean
  /**
   * Shown until the user changes the view; 'several-customers': shown by default while the rows may
   * belong to several customers (the Customer column, decision 042).
   */
  defaultVisible: boolean | 'several-customers'
  /** A field not every access level may see: the column is not even offered without it. */
  restricted?: RestrictedSipField
  /**
   * Default width in px, sized to the content (an IPv4 address, a 16-character username, a
   * badge); free text gets a readable share. The user may resize it, never below minWidth.
   */
  width: number
  /** The narrowest the column may get, in px. */
  minWidth: number
  /** Look of the header and cells: tabular numbers (num), monospace (mono), per-column rules. */
  className: string
  cell: (account: SipAccountRow) => ReactNode
  /**
   * The CSV cell: raw values a spreadsheet can filter (ON/OFF, IP_AUTH, Yes/No), not the table's
   * badges. Codes stay codes; the few words (Yes/No, "always", "cluster") are in the active
   * language at export time.
   */
  csv: (account: SipAccountRow) => string
  csvHeader?: MessageKey
}

const yesNo = (value: boolean | null | undefined) => (value == null ? '' : value ? t('Yes') : t('No'))

/** Keeps the literal ids (for SipColumnId) while checking every entry against SipColumn. */
function catalogue<const Id extends string>(columns: readonly SipColumn<Id>[]): readonly SipColumn<Id>[] {
  return columns
}

/** In the default order. */
export const SIP_COLUMNS = catalogue([
  {
    id: 'name',
    label: msg('Name'),
    full: false,
    defaultVisible: true,
    width: 280,
    minWidth: 120,
    className: 'col-name',
    cell: (a) => <NameCell account={a} />,
    csv: (a) => a.name ?? '',
  },
  {
    id: 'customer',
    label: msg('Customer'),
    // Only full rows name the customer (decision 042).
    full: true,
    defaultVisible: 'several-customers',
    width: 200,
    minWidth: 80,
    className: 'col-customer',
    cell: (a) => <CustomerCell id={a.customer} />,
    // The id: names would cost one request per customer.
    csv: (a) => a.customer ?? '',
    csvHeader: msg('Customer id'),
  },
  {
    id: 'numbers',
    label: msg('Numbers'),
    full: false,
    defaultVisible: true,
    width: 136,
    minWidth: 120,
    className: 'col-numbers num',
    cell: (a) => <NumbersCell numbers={a.numbers} name={a.name} />,
    csv: (a) => (a.numbers ?? []).join(' '),
  },
  {
    id: 'status',
    label: msg('Status'),
    full: false,
    defaultVisible: true,
    // Wide enough for the longest badge in either language ("● Oppe", "● Nede", "PBX").
    width: 96,
    minWidth: 72,
    className: 'col-status',
    cell: (a) => <StatusBadge account={a} />,
    csv: (a) => a.status ?? '',
  },
  {
    id: 'active',
    label: msg('Active'),
    full: false,
    defaultVisible: true,
    // Wide enough for the "Inactive" label ("Inaktiv").
    width: 104,
    minWidth: 60,
    className: 'col-active',
    cell: (a) => <ActiveCell active={a.active} />,
    csv: (a) => yesNo(a.active),
  },
  {
    id: 'connection',
    label: msg('Connection'),
    full: false,
    defaultVisible: true,
    width: 128,
    minWidth: 100,
    className: 'col-connection',
    cell: (a) => <ConnectionCell account={a} />,
    csv: (a) => (isPbxTrunk(a) ? t('PBX (cluster {cluster})', { cluster: String(a.pbx) }) : (a.connection ?? '')),
  },
  {
    id: 'ipAddress',
    label: msg('IP address'),
    full: false,
    defaultVisible: true,
    width: 140,
    minWidth: 120,
    className: 'col-ip num',
    cell: (a) => <SearchableText value={a.ipAddress} />,
    csv: (a) => a.ipAddress ?? '',
  },
  {
    id: 'username',
    label: msg('Username'),
    full: false,
    defaultVisible: true,
    width: 152,
    minWidth: 100,
    className: 'col-username mono',
    cell: (a) => <SearchableText value={a.username} />,
    csv: (a) => a.username ?? '',
  },
  {
    id: 'ratePlan',
    label: msg('Rate plan'),
    full: false,
    defaultVisible: true,
    width: 124,
    minWidth: 90,
    className: 'col-rate-plan',
    // Not searched by the API, so never highlighted.
    cell: (a) => textOrDash(a.ratePlanName),
    csv: (a) => a.ratePlanName ?? a.ratePlan ?? '',
  },
  {
    id: 'failover',
    label: msg('Failover'),
    full: false,
    defaultVisible: true,
    width: 136,
    minWidth: 100,
    className: 'col-failover num',
    cell: (a) => <FailoverCell account={a} />,
    csv: (a) => (a.failover ? (a.alwaysFailover ? t('{failover} (always)', { failover: a.failover }) : a.failover) : ''),
  },
  {
    id: 'usageBlock',
    label: msg('Usage block'),
    full: false,
    defaultVisible: true,
    width: 104,
    minWidth: 90,
    className: 'col-usage-block',
    cell: (a) => <UsageBlockCell blocked={a.usageBlock} />,
    csv: (a) => yesNo(a.usageBlock),
  },
  // In the documented condensed example but not in its field table: treated as full-only.
  {
    id: 'defaultNumber',
    label: msg('Default number'),
    full: true,
    defaultVisible: false,
    width: 150,
    minWidth: 80,
    className: 'col-default-number num',
    cell: (a) => textOrDash(a.defaultNumber ? formatPhoneNumber(a.defaultNumber) : a.defaultNumber),
    csv: (a) => a.defaultNumber ?? '',
  },
  {
    id: 'contact',
    label: msg('Contact'),
    full: true,
    defaultVisible: false,
    width: 240,
    minWidth: 80,
    className: 'col-contact mono',
    cell: (a) => <ClampedText value={a.contact} />,
    csv: (a) => a.contact ?? '',
  },
  {
    id: 'userAgent',
    label: msg('User agent'),
    full: true,
    defaultVisible: false,
    width: 200,
    minWidth: 80,
    className: 'col-user-agent',
    cell: (a) => <ClampedText value={a.userAgent} />,
    csv: (a) => a.userAgent ?? '',
  },
  {
    id: 'notes',
    label: msg('Notes'),
    full: true,
    defaultVisible: false,
    restricted: 'notes',
    width: 240,
    minWidth: 80,
    className: 'col-notes',
    cell: (a) => <ClampedText value={a.notes} searchable />,
    csv: (a) => a.notes ?? '',
  },
  {
    id: 'sipServer',
    label: msg('SIP server'),
    full: true,
    defaultVisible: false,
    restricted: 'sipServer',
    width: 130,
    minWidth: 80,
    className: 'col-sip-server mono',
    cell: (a) => textOrDash(a.sipServer),
    csv: (a) => a.sipServer ?? '',
  },
])

export type SipColumnId = (typeof SIP_COLUMNS)[number]['id']

const permittedCache = new Map<string, readonly SipColumn[]>()

/**
 * The columns an access level may see, in the default order; decided before the first row
 * renders, so no column flashes in late. The same array for the same access.
 */
export function permittedColumns(access: SipAccess): readonly SipColumn[] {
  const key = `${access.notes}:${access.sipServer}`
  let permitted = permittedCache.get(key)
  if (!permitted) {
    permitted = SIP_COLUMNS.filter((column) => !column.restricted || access[column.restricted])
    permittedCache.set(key, permitted)
  }
  return permitted
}

const helper = createDataColumnHelper<SipAccountRow>()

type TableColumn = DataColumns<SipAccountRow>[number]

/**
 * Module scope: one stable table definition per column and language (the header is the label in
 * that language, which the table also uses for the header's name and "Resize …"); the view picks
 * and orders them.
 */
const tableColumnsByLocale = new Map<Locale, Map<SipColumnId, TableColumn>>()
const tableColumnsCache = new Map<string, DataColumns<SipAccountRow>>()
clearOnActivate(() => {
  tableColumnsByLocale.clear()
  tableColumnsCache.clear()
})

function tableColumnsIn(locale: Locale, translate: Translate): Map<SipColumnId, TableColumn> {
  let byId = tableColumnsByLocale.get(locale)
  if (!byId) {
    byId = new Map(
      SIP_COLUMNS.map((column) => [
        column.id,
        helper.display({
          id: column.id,
          header: translate(column.label),
          // The table's column sizing: the user's width (remembered per browser) overrides size.
          meta: { className: column.className, size: column.width, minSize: column.minWidth },
          cell: (info) => column.cell(info.row.original),
        }),
      ]),
    )
    tableColumnsByLocale.set(locale, byId)
  }
  return byId
}

/**
 * The table's columns for these ids, in this order, with headers in the page's language (the
 * caller passes useI18n()'s locale and t; without them, the active language); the same array for
 * the same ids and language.
 */
export function sipTableColumns(
  ids: readonly SipColumnId[],
  i18n: { locale: Locale; t: Translate } = { locale: activeLocale(), t },
): DataColumns<SipAccountRow> {
  const key = `${i18n.locale}:${ids.join(',')}`
  let columns = tableColumnsCache.get(key)
  if (!columns) {
    const byId = tableColumnsIn(i18n.locale, i18n.t)
    columns = ids.flatMap((id) => {
      const column = byId.get(id)
      return column ? [column] : []
    })
    tableColumnsCache.set(key, columns)
  }
  return columns
}
