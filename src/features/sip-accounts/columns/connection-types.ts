import type { ConnectionType } from '../../../api/sip-account.ts'

/** Short labels for the table and plain-language explanations for the drawer (from the API docs). */
export const CONNECTION_LABELS: Record<ConnectionType, string> = {
  IP_AUTH: 'Fixed IP + auth',
  IP_AUTH_REG: 'Fixed IP + auth + register',
  IP: 'Fixed IP, no auth',
  COUNTRY_AUTH_REG: 'Register from countries',
}

export const CONNECTION_EXPLANATIONS: Record<ConnectionType, string> = {
  IP_AUTH:
    'Calls are sent to the fixed IP address and port. The client must authenticate to make outbound calls and can only do so from that IP address.',
  IP_AUTH_REG: 'The client must be at the fixed IP address, must register to receive calls and must authenticate to make outbound calls.',
  IP: 'Calls are sent to the fixed IP address and port; outbound calls must come from that IP address. No authentication (Lync mode).',
  COUNTRY_AUTH_REG: 'The client must register to make and receive calls, from an IP address in one of the allowed countries.',
}
