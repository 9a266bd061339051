import { useSession, useSipAccess } from '../../app/session-context.tsx'
import { accessLevelName } from '../../lib/access-level-names.ts'
import { useI18n } from '../../lib/use-i18n.tsx'
import { ChangeLogProvider } from './changes/change-log-context.tsx'
import { DownByCustomer, downScopeOf, useDownViewFocusReturn } from './down-by-customer/down-by-customer-entry.tsx'
import { listScope } from './list/list-scope.ts'
import { SipAccountsView } from './list/sip-accounts-view.tsx'
import { useListLocation } from './list/use-list-location.ts'
import './sip-accounts-page.css'

/** The list page. Access is decided before anything renders, so nothing role-dependent pops in later. */
export function SipAccountsPage() {
  const session = useSession()
  const access = useSipAccess()
  const location = useListLocation()
  const { t } = useI18n()
  // Down by customer (decision 044) replaces the list while the URL says view=down; scope levels only.
  const down = access.scope && location.view === 'down'
  useDownViewFocusReturn(down)
  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t('SIP accounts')}</h1>
      </div>
      {access.sipAccounts ? (
        // The session's change log: this page renders once per sign-in, so the log does too.
        <ChangeLogProvider>
          {down ? (
            <DownByCustomer scope={downScopeOf(listScope(location.params, true, session.customer).params)} notices={location.notices} />
          ) : (
            <SipAccountsView />
          )}
        </ChangeLogProvider>
      ) : (
        <div className="no-access" role="status">
          <p className="empty-title">{t('Your access level has no SIP accounts')}</p>
          <p>
            {t(
              'You are signed in with the access level “{level}”, which cannot view SIP accounts. Ask an owner or your reseller for a Viewer, Manager or Owner login if you need them.',
              { level: accessLevelName(session.accessLevel) },
            )}
          </p>
        </div>
      )}
    </div>
  )
}
