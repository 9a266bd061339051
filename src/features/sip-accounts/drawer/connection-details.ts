import type { SipAccess } from '../../../api/access-level.ts'
import { isPbxTrunk, type SipAccountFull } from '../../../api/sip-account.ts'
import { CONNECTION_LABELS } from '../columns/connection-types.ts'

/**
 * The plain-text block "Copy connection details" puts on the clipboard: what an installer types
 * into a PBX or phone. Only fields the drawer shows this access level (the account is already
 * redacted; the SIP server is asked of sipAccessFor again all the same), numbers in E.164 as the
 * other Copy buttons copy them, and the password only while the user has it revealed on screen.
 * Empty fields are left out. PBX trunks have no connection fields: null.
 */
export function connectionDetailsText(account: SipAccountFull, access: SipAccess, revealedPassword: string | undefined): string | null {
  if (isPbxTrunk(account)) return null
  const lines: [string, string | number | null | undefined][] = [
    ['SIP account', account.name],
    ['Numbers', account.numbers?.join(', ')],
    ['Connection type', account.connection ? `${CONNECTION_LABELS[account.connection]} (${account.connection})` : undefined],
    ['Username', account.username],
    ['Password', revealedPassword],
    ['IP address', account.ipAddress],
    ['Port', account.port],
    ['Contact', account.contact],
    ['SIP server', access.sipServer ? account.sipServer : undefined],
  ]
  return lines
    .filter((line): line is [string, string | number] => line[1] !== undefined && line[1] !== null && line[1] !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n')
}
