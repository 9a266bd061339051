import type { SipAccount } from '../../../api/sip-account.ts'
import './account-flags.css'

/**
 * What is wrong with this trunk, first thing under the drawer's title: a usage block and a trunk
 * that is not active. Both are also in the details below, but easy to
 * miss there. Nothing at all when neither applies.
 */
export function AccountFlags({ account }: { account: Pick<SipAccount, 'active' | 'usageBlock'> }) {
  const blocked = account.usageBlock === true
  const inactive = account.active === false
  if (!blocked && !inactive) return null
  return (
    <ul className="account-flags" aria-label="Account warnings">
      {blocked ? (
        <li className="account-flag account-flag-warning" title="usageBlock = true">
          <span aria-hidden="true">⚠ </span>
          <strong>Usage blocked</strong>
        </li>
      ) : null}
      {inactive ? (
        <li className="account-flag account-flag-neutral" title="active = false">
          <strong>Inactive</strong>: this trunk is not active.
        </li>
      ) : null}
    </ul>
  )
}
