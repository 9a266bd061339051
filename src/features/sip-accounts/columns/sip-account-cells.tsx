import { use } from 'react'
import { isPbxTrunk, type SipAccount } from '../../../api/sip-account.ts'
import { Badge } from '../../../components/badge.tsx'
import { Highlight, HighlightContext } from '../../../components/highlight.tsx'
import { PhoneNumber } from '../../../components/phone-number.tsx'
import { Popover } from '../../../components/popover.tsx'
import { DASH } from '../../../lib/format.ts'
import { msg } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { CONNECTION_LABELS } from './connection-types.ts'
import { useCustomerNamesPending, useListedCustomerName } from '../scope/use-customer-name.ts'
import './sip-account-cells.css'

/** Text with the searched part marked, or an em dash when there is no value. */
export function SearchableText({ value }: { value: string | null | undefined }) {
  return value ? <Highlight text={value} /> : DASH
}

/**
 * Free text in a cell, cut to three lines on screen (a 10,000-character name would otherwise make
 * its row metres tall); the whole text stays in the DOM for screen readers and in the drawer.
 */
export function ClampedText({ value, searchable = false }: { value: string | null | undefined; searchable?: boolean }) {
  if (!value) return DASH
  return <span className="cell-clamp">{searchable ? <Highlight text={value} /> : value}</span>
}

/**
 * One number, then a "+N" button opening every number, one per line (a popover: by click, tap or
 * Enter; Esc or a click outside closes it). One number keeps the row one line high. The number
 * shown is the first, or the first the search matches: a hit on the fourth number is still seen,
 * highlighted, in the row.
 */
export function NumbersCell({ numbers, name }: { numbers: readonly string[] | null | undefined; name: string | null | undefined }) {
  const { t } = useI18n()
  const term = use(HighlightContext).trim().toLowerCase()
  const all = numbers ?? []
  const shown = (term ? all.find((number) => number.toLowerCase().includes(term)) : undefined) ?? all[0]
  if (shown === undefined) return DASH
  const more = all.length - 1
  return (
    <span className="numbers">
      <span className="number">
        <PhoneNumber number={shown} />
      </span>
      {more > 0 ? (
        <Popover
          trigger={`+${more}`}
          triggerLabel={t('{count, plural, one {# more number} other {# more numbers}}', { count: more })}
          label={t('Numbers of {name}', { name: name || shown })}
          triggerClassName="more-numbers"
        >
          <ul className="number-list">
            {all.map((number) => (
              <li key={number}>
                <PhoneNumber number={number} />
              </li>
            ))}
          </ul>
        </Popover>
      ) : null}
    </span>
  )
}

/** Up/Down in words (the status filter's words), the API's ON/OFF in the tooltip. */
export function StatusBadge({ account }: { account: Pick<SipAccount, 'status' | 'pbx'> }) {
  const { t } = useI18n()
  if (account.status === 'ON')
    return (
      <Badge tone="positive" title={t('Up: the API reports status ON')}>
        ● {t('Up')}
      </Badge>
    )
  if (account.status === 'OFF')
    return (
      <Badge tone="negative" title={t('Down: the API reports status OFF')}>
        ○ {t('Down')}
      </Badge>
    )
  if (isPbxTrunk(account))
    return (
      <Badge tone="neutral" title={t(PBX_STATUS_TITLE)}>
        {t('PBX')}
      </Badge>
    )
  return <span title={t('No status reported')}>{DASH}</span>
}

/** A message key: t(PBX_STATUS_TITLE) where it is shown. */
export const PBX_STATUS_TITLE = msg('Hosted PBX trunk: has no SIP status')

/**
 * The name. An inactive trunk (active=false) also gets an empty marker that dims its whole row
 * (sip-account-cells.css), whichever columns are shown; empty, so the cell's text stays the name.
 */
export function NameCell({ account }: { account: Pick<SipAccount, 'name' | 'active'> }) {
  const name = <ClampedText value={account.name} searchable />
  if (account.active !== false) return name
  return (
    <>
      {name}
      <span className="inactive-row" hidden />
    </>
  )
}

/** Active: "Yes", or an "Inactive" label that stands out, with the API's value in the tooltip. */
export function ActiveCell({ active }: { active: boolean | null | undefined }) {
  const { t } = useI18n()
  if (active === false) {
    return (
      // The API's own field and value: a code, not words.
      <Badge tone="neutral" title="active = false">
        {t('Inactive')}
      </Badge>
    )
  }
  if (active == null) return DASH
  return active ? t('Yes') : t('No')
}

export function ConnectionCell({ account }: { account: SipAccount }) {
  const { t } = useI18n()
  if (isPbxTrunk(account)) return <Badge tone="info">{t('PBX trunk · cluster {cluster}', { cluster: String(account.pbx) })}</Badge>
  if (!account.connection) return DASH
  return <span title={account.connection}>{t(CONNECTION_LABELS[account.connection])}</span>
}

export function FailoverCell({ account }: { account: SipAccount }) {
  const { t } = useI18n()
  if (!account.failover) return DASH
  // E.164@IP: offer a line break after the "@" rather than inside the number or the address.
  const [number, ...rest] = account.failover.split('@')
  return (
    <span>
      {rest.length > 0 ? (
        <>
          {number}@<wbr />
          {rest.join('@')}
        </>
      ) : (
        account.failover
      )}
      {account.alwaysFailover ? <span className="subtle"> {t('(always)')}</span> : null}
    </span>
  )
}

export function UsageBlockCell({ blocked }: { blocked: boolean | null | undefined }) {
  const { t } = useI18n()
  if (blocked) return <Badge tone="warning">⚠ {t('Blocked')}</Badge>
  return blocked === false ? <span className="subtle">{t('No')}</span> : DASH
}

/** The customer's name from the page's bulk lookup (useCustomerNames); the id until it is known. */
export function CustomerCell({ id }: { id: string | null | undefined }) {
  const name = useListedCustomerName(id)
  const pending = useCustomerNamesPending()
  if (!id) return DASH
  if (name) return <span title={id}>{name}</span>
  // The page's names are on their way (a few ms): a quiet placeholder, not a flash of ids.
  if (pending) return <span title={id}>…</span>
  return <span className="mono">{id}</span>
}
