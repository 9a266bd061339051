import type { MouseEvent } from 'react'
import { isPbxTrunk, type SipAccountFull } from '../../../api/sip-account.ts'
import { useSipAccess } from '../../../app/session-context.tsx'
import { Badge } from '../../../components/badge.tsx'
import { CopyButton } from '../../../components/copy-button.tsx'
import { useLocationSearch } from '../../../lib/url-state.ts'
import { changeVerb, formatChangeTime, latestChangeOf } from '../changes/change-text.ts'
import { useChangeLogState } from '../changes/change-log-context.tsx'
import { StatusBadge } from '../columns/sip-account-cells.tsx'
import { patchListSearch, type ListPatch } from '../list/list-params.ts'
import type { UpdateList } from '../list/use-list-location.ts'
import { useCustomerName } from '../scope/use-customer-name.ts'
import { connectionDetailsText } from './connection-details.ts'
import './account-summary.css'

interface AccountSummaryProps {
  account: SipAccountFull
  /** The password as revealed on screen right now; undefined while it is masked. */
  revealedPassword: string | undefined
  update: UpdateList
}

/**
 * What a support call needs at a glance, under the drawer's title: status (and when this session
 * saw it change), active, usage block, PBX, whose trunk it is (a link that lists that customer's
 * trunks, for levels that may pick a customer), and one Copy for the connection details.
 */
export function AccountSummary({ account, revealedPassword, update }: AccountSummaryProps) {
  const access = useSipAccess()
  const change = latestChangeOf(useChangeLogState(), account._id)
  const details = connectionDetailsText(account, access, revealedPassword)
  const pbx = isPbxTrunk(account)
  return (
    <div className="account-summary">
      <ul className="account-summary-list" aria-label="Account summary">
        <li>
          <StatusBadge account={account} />
          {/* Only when it agrees with the status shown: the drawer refetches when the log saw a newer change. */}
          {change && change.to === account.status ? (
            <span className="account-summary-when" title={new Date(change.at).toString()}>
              {' '}
              {changeVerb(change)} at {formatChangeTime(change.at)}
            </span>
          ) : null}
        </li>
        <li>
          {account.active === false ? (
            <Badge tone="neutral" title="active = false">
              Inactive
            </Badge>
          ) : account.active === true ? (
            'Active'
          ) : (
            'Active: not reported'
          )}
        </li>
        {account.usageBlock === true ? (
          <li className="account-summary-warning" title="usageBlock = true">
            <span aria-hidden="true">⚠ </span>
            <strong>Usage blocked</strong>
          </li>
        ) : (
          <li>Not blocked</li>
        )}
        <li>{pbx ? `Hosted PBX trunk, cluster ${account.pbx}` : 'SIP trunk'}</li>
        {account.customer ? (
          <li>
            Customer <CustomerLink customer={account.customer} update={update} />
          </li>
        ) : null}
      </ul>
      {details ? <CopyButton value={details} label="Copy connection details" text="Copy connection details" /> : null}
    </div>
  )
}

/** The customer's name; for levels that may pick a customer, a link to the list scoped to it. */
function CustomerLink({ customer, update }: { customer: string; update: UpdateList }) {
  const { scope } = useSipAccess()
  const name = useCustomerName(customer)
  const search = useLocationSearch()
  const label = name ?? `ID …${customer.slice(-6)}`
  if (!scope) return <strong title={customer}>{label}</strong>
  // That customer's trunks from the first page, with the status filter and page size kept; the
  // search (which found this account) and the drawer go.
  const patch: ListPatch = { customer, reseller: undefined, filter: undefined, offset: undefined, account: undefined }
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    update(patch)
  }
  return (
    <a href={`?${patchListSearch(search, patch).toString()}`} onClick={onClick} title={`List the SIP accounts of ${label}`}>
      <strong>{label}</strong>
    </a>
  )
}
