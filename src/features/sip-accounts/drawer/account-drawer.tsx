import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { isApiError } from '../../../api/api-error.ts'
import { useSipAccountApi } from '../../../app/session-context.tsx'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Modal } from '../../../components/modal.tsx'
import { apiErrorText } from '../../../lib/error-text.ts'
import type { Translate } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { AccountDetails } from './account-details.tsx'
import { AccountSummary } from './account-summary.tsx'
import { latestChangeOf } from '../changes/change-text.ts'
import { useChangeLog, useChangeLogState } from '../changes/change-log-context.tsx'
import type { RowLocator, SipAccountPage } from '../sip-account-api.ts'
import { sipAccountQueries } from '../sip-account-queries.ts'
import { useAccountWalk } from './use-account-walk.ts'
import type { UpdateList } from '../list/use-list-location.ts'
import './account-drawer.css'

interface AccountDrawerProps {
  accountId: string
  /** The settled list page, to find the account's position and condensed row. */
  page: SipAccountPage | undefined
  update: UpdateList
}

/** Loaded lazily (React.lazy): the list page does not pay for the drawer until it is wanted. */
export function AccountDrawer({ accountId, page, update }: AccountDrawerProps) {
  const { t } = useI18n()
  const api = useSipAccountApi()
  const titleId = useId()
  const walk = useAccountWalk(api, page, accountId, update)
  const [walkError, setWalkError] = useState(false)

  // Where the account was found when it was opened. Frozen per account: a page that loads later
  // (a pasted link) must not trigger a second request for the same account.
  const [opened, setOpened] = useState<{ id: string; locator: RowLocator | null }>({ id: accountId, locator: walk.locator })
  if (opened.id !== accountId) setOpened({ id: accountId, locator: walk.locator })
  const locator = opened.id === accountId ? opened.locator : walk.locator

  const query = useQuery(sipAccountQueries.account(api, accountId, locator))
  const account = query.data
  const [passwordRevealed, setPasswordRevealed] = useState(false)

  // The account's status goes to the session's change log like the list's; and when the log saw a
  // change newer than this answer (the list refreshed meanwhile), the drawer asks again, so its
  // summary never contradicts the list.
  const changeLog = useChangeLog()
  const fetchedAt = query.dataUpdatedAt
  useEffect(() => {
    if (account) changeLog.observe([account], fetchedAt)
  }, [account, fetchedAt, changeLog])
  const newer = latestChangeOf(useChangeLogState(), accountId)
  const stale = account !== undefined && newer !== undefined && newer.at > fetchedAt && newer.to !== account.status
  const { refetch, isFetching } = query
  useEffect(() => {
    if (stale && !isFetching) void refetch()
  }, [stale, isFetching, refetch])
  const title = account?.name || walk.row?.name || account?.numbers?.[0] || (query.isPending ? t('Loading account…') : t('SIP account'))

  const step = (direction: 1 | -1) => {
    setWalkError(false)
    walk.walk(direction).catch(() => setWalkError(true))
  }
  const position = locator && walk.locator ? walk.locator.position : undefined

  return (
    <Modal
      variant="drawer"
      labelledBy={titleId}
      onClose={() => update({ account: undefined })}
      returnFocus={() => document.querySelector<HTMLElement>(`tr[data-row-id="${accountId}"]`)}
    >
      <div className="drawer-header">
        <div className="drawer-title">
          {/* Clamped to two lines so a name of any length leaves the buttons on screen; the whole
              name is on hover and in the Overview section. */}
          <h2 id={titleId} className="drawer-heading line-clamp-2" title={title}>
            {title}
          </h2>
          {position !== undefined && walk.total !== undefined ? (
            <p className="subtle">{t('Account {position} of {total}', { position: position + 1, total: walk.total })}</p>
          ) : null}
        </div>
        <div className="drawer-actions">
          <button type="button" className="button" onClick={() => step(-1)} disabled={!walk.canPrevious}>
            {t('Previous account')}
          </button>
          <button type="button" className="button" onClick={() => step(1)} disabled={!walk.canNext}>
            {t('Next account')}
          </button>
          <button type="button" className="button" onClick={() => update({ account: undefined })}>
            {t('Close')}
          </button>
        </div>
        {account ? (
          <AccountSummary
            account={account}
            revealedPassword={passwordRevealed ? (account.password ?? undefined) : undefined}
            update={update}
          />
        ) : null}
      </div>
      <div className="drawer-body">
        {walkError ? <ErrorAlert title={t('Could not load the neighbouring account.')} /> : null}
        {account ? (
          <AccountDetails account={account} row={walk.row} onPasswordRevealed={setPasswordRevealed} />
        ) : query.isError ? (
          <ErrorAlert title={drawerErrorTitle(query.error, t)} onRetry={() => void query.refetch()} retrying={query.isFetching}>
            {isApiError(query.error) ? apiErrorText(query.error, t) : null}
          </ErrorAlert>
        ) : (
          <div className="drawer-skeleton" aria-hidden="true">
            {Array.from({ length: 8 }, (_, index) => (
              <span key={index} className="skeleton" />
            ))}
          </div>
        )}
      </div>
    </Modal>
  )
}

function drawerErrorTitle(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t('Could not load this account')
  if (error.kind === 'network') return t('Cannot reach the Telecom X API')
  if (error.kind === 'contract') return t('The API sent data this dashboard does not understand')
  if (error.status === 404) return t('This account does not exist (any more)')
  if (error.status === 403) return t('You have no access to this account')
  return t('Could not load this account')
}
