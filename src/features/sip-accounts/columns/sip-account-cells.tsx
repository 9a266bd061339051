import { useId } from 'react'
import { isPbxTrunk, type SipAccount } from '../../../api/sip-account.ts'
import { Badge } from '../../../components/badge.tsx'
import { Highlight } from '../../../components/highlight.tsx'
import { PhoneNumber } from '../../../components/phone-number.tsx'
import { DASH } from '../../../lib/format.ts'
import { CONNECTION_LABELS } from './connection-types.ts'
import { useCustomerName } from '../scope/use-customer-name.ts'
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

/** The first two numbers, then "+N more" revealing all of them on hover and on row focus. */
export function NumbersCell({ numbers }: { numbers: readonly string[] | null | undefined }) {
  const tooltipId = useId()
  if (!numbers || numbers.length === 0) return DASH
  const rest = numbers.length - 2
  return (
    <span className="numbers">
      {numbers.slice(0, 2).map((number) => (
        <span key={number} className="number">
          <PhoneNumber number={number} />
        </span>
      ))}
      {rest > 0 ? (
        <span className="more-numbers" aria-describedby={tooltipId}>
          +{rest} more
          <span role="tooltip" id={tooltipId} className="tooltip">
            {numbers.map((number) => (
              <span key={number} className="number">
                <PhoneNumber number={number} />
              </span>
            ))}
          </span>
        </span>
      ) : null}
    </span>
  )
}

export function StatusBadge({ account }: { account: Pick<SipAccount, 'status' | 'pbx'> }) {
  if (account.status === 'ON') return <Badge tone="positive">● ON</Badge>
  if (account.status === 'OFF') return <Badge tone="negative">○ OFF</Badge>
  return <span title={isPbxTrunk(account) ? 'PBX trunks report no status' : 'No status reported'}>{DASH}</span>
}

export function ConnectionCell({ account }: { account: SipAccount }) {
  if (isPbxTrunk(account)) return <Badge tone="info">PBX trunk · cluster {account.pbx}</Badge>
  if (!account.connection) return DASH
  return <span title={account.connection}>{CONNECTION_LABELS[account.connection]}</span>
}

export function FailoverCell({ account }: { account: SipAccount }) {
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
      {account.alwaysFailover ? <span className="subtle"> (always)</span> : null}
    </span>
  )
}

export function UsageBlockCell({ blocked }: { blocked: boolean | null | undefined }) {
  if (blocked) return <Badge tone="warning">⚠ Blocked</Badge>
  return blocked === false ? <span className="subtle">No</span> : DASH
}

/** The customer's name (see useCustomerName); the id until it is known. */
export function CustomerCell({ id }: { id: string | null | undefined }) {
  const name = useCustomerName(id)
  if (!id) return DASH
  return name ? <span title={id}>{name}</span> : <span className="mono">{id}</span>
}
