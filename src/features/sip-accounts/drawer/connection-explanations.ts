import type { ConnectionType } from '../../../api/sip-account.ts'
import { msg, type MessageKey } from '../../../lib/i18n.ts'

/**
 * Each connection type in plain language, for the drawer (from the API docs): message keys,
 * translated where they are shown. Here rather than beside the table's short labels
 * (columns/connection-types.ts) so that the list's first load does not carry them.
 */
export const CONNECTION_EXPLANATIONS: Record<ConnectionType, MessageKey> = {
  IP_AUTH: msg(
    'Calls are sent to the fixed IP address and port. The client must authenticate to make outbound calls and can only do so from that IP address.',
  ),
  IP_AUTH_REG: msg(
    'The client must be at the fixed IP address, must register to receive calls and must authenticate to make outbound calls.',
  ),
  IP: msg('Calls are sent to the fixed IP address and port; outbound calls must come from that IP address. No authentication (Lync mode).'),
  COUNTRY_AUTH_REG: msg('The client must register to make and receive calls, from an IP address in one of the allowed countries.'),
}
