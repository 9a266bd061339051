import type { SipAccess } from '../../../api/access-level.ts'
import { isPbxTrunk, type SipAccountFull } from '../../../api/sip-account.ts'
import type { Translate } from '../../../lib/i18n.ts'
import { CONNECTION_LABELS } from '../columns/connection-types.ts'

/**
 * The plain-text block "Copy connection details" puts on the clipboard: what an installer types
 * into a PBX or phone. Only fields the drawer shows this access level (the account is already
 * redacted; the SIP server is asked of sipAccessFor again all the same), numbers in E.164 as the
 * other Copy buttons copy them, and the password only while the user has it revealed on screen.
 * Empty fields are left out. PBX trunks have no connection fields: null. The labels are in the
 * page's language (`t` from useI18n), the values stay as the API sent them (the port ungrouped).
 */
export function connectionDetailsText(
  account: SipAccountFull,
  access: SipAccess,
  revealedPassword: string | undefined,
  t: Translate,
): string | null {
  if (isPbxTrunk(account)) return null
  const lines: [string, string | number | null | undefined][] = [
    [t('SIP account'), account.name],
    [t('Numbers'), account.numbers?.join(', ')],
    [t('Connection type'), account.connection ? `${t(CONNECTION_LABELS[account.connection])} (${account.connection})` : undefined],
    [t('Username'), account.username],
    [t('Password'), revealedPassword],
    [t('IP address'), account.ipAddress],
    [t('Port'), account.port],
    [t('Contact'), account.contact],
    [t('SIP server'), access.sipServer ? account.sipServer : undefined],
  ]
  return lines
    .filter((line): line is [string, string | number] => line[1] !== undefined && line[1] !== null && line[1] !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n')
}
