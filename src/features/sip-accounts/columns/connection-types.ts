import type { ConnectionType } from '../../../api/sip-account.ts'
import { msg, type MessageKey } from '../../../lib/i18n.ts'

/**
 * Short labels for the table (from the API docs): message keys, translated where they are shown
 * (t(CONNECTION_LABELS[code])). The drawer's explanations live with the drawer
 * (drawer/connection-explanations.ts), out of the list's first load.
 */
export const CONNECTION_LABELS: Record<ConnectionType, MessageKey> = {
  IP_AUTH: msg('Fixed IP + auth'),
  IP_AUTH_REG: msg('Fixed IP + auth + register'),
  IP: msg('Fixed IP, no auth'),
  COUNTRY_AUTH_REG: msg('Register from countries'),
}
