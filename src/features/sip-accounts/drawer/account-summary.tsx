import type { MouseEvent } from 'react'
import { isPbxTrunk, type SipAccountFull } from '../../../api/sip-account.ts'
import { useSipAccess } from '../../../app/session-context.tsx'
import { Badge } from '../../../components/badge.tsx'
import { CopyButton } from '../../../components/copy-button.tsx'
import { perLocale, type Locale, type Translate } from '../../../lib/i18n.ts'
import { useLocationSearch } from '../../../lib/url-state.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { latestChangeOf } from '../changes/change-text.ts'
import type { StatusChange } from '../changes/change-log.ts'
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
  const { locale, t } = useI18n()
  const access = useSipAccess()
  const change = latestChangeOf(useChangeLogState(), account._id)
  const details = connectionDetailsText(account, access, revealedPassword, t)
  const pbx = isPbxTrunk(account)
  return (
    <div className="account-summary">
      <ul className="account-summary-list" aria-label={t('Account summary')}>
        <li>
          <StatusBadge account={account} />
          {/* Only when it agrees with the status shown: the drawer refetches when the log saw a newer change. */}
          {change && change.to === account.status ? (
            <span className="account-summary-when" title={fullTime(change.at, locale)}>
              {' '}
              {changeWhen(change, locale, t)}
            </span>
          ) : null}
        </li>
        <li>
          {account.active === false ? (
            // The API's own field and value: a code, not words.
            <Badge tone="neutral" title="active = false">
              {t('Inactive')}
            </Badge>
          ) : account.active === true ? (
            t('Active')
          ) : (
            t('Active: not reported')
          )}
        </li>
        {account.usageBlock === true ? (
          <li className="account-summary-warning" title="usageBlock = true">
            <span aria-hidden="true">⚠ </span>
            <strong>{t('Usage blocked')}</strong>
          </li>
        ) : (
          <li>{t('Not blocked')}</li>
        )}
        <li>{pbx ? t('Hosted PBX trunk, cluster {cluster}', { cluster: String(account.pbx) }) : t('SIP trunk')}</li>
        {account.customer ? (
          <li>
            {t('Customer')} <CustomerLink customer={account.customer} update={update} />
          </li>
        ) : null}
      </ul>
      {details ? <CopyButton value={details} label={t('Copy connection details')} text={t('Copy connection details')} /> : null}
    </div>
  )
}

/** The customer's name; for levels that may pick a customer, a link to the list scoped to it. */
function CustomerLink({ customer, update }: { customer: string; update: UpdateList }) {
  const { t } = useI18n()
  const { scope } = useSipAccess()
  const name = useCustomerName(customer)
  const search = useLocationSearch()
  const label = name ?? t('ID …{id}', { id: customer.slice(-6) })
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
    <a
      href={`?${patchListSearch(search, patch).toString()}`}
      onClick={onClick}
      title={t('List the SIP accounts of {customer}', { customer: label })}
    >
      <strong>{label}</strong>
    </a>
  )
}

/** The page's clock, one set per language: "14:02" / "14.02", "3 Mar" / "3. mar.". */
const clockFormatsFor = perLocale((tag) => ({
  clock: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }),
  day: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short' }),
  full: new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'long' }),
}))

/** "went down at 14:02" today, "went down at 3 Mar, 14:02" on another day (local time); Danish "gik ned kl. 14.02". */
function changeWhen(change: Pick<StatusChange, 'to' | 'at'>, locale: Locale, t: Translate, now: number = Date.now()): string {
  const { clock, day } = clockFormatsFor(locale)
  const time = clock.format(change.at)
  const down = change.to === 'OFF'
  if (new Date(change.at).toDateString() === new Date(now).toDateString()) {
    return down ? t('went down at {time}', { time }) : t('came up at {time}', { time })
  }
  const date = day.format(change.at)
  return down ? t('went down at {date}, {time}', { date, time }) : t('came up at {date}, {time}', { date, time })
}

/** The exact moment, on hover: as before in English (the browser's own long form), in words in Danish. */
function fullTime(at: number, locale: Locale): string {
  return locale === 'en' ? new Date(at).toString() : clockFormatsFor(locale).full.format(at)
}
