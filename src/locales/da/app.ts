/** Danish for the app shell: header, page title, session splash, offline banner, error boundary (see ../da.ts). */
export const app = {
  'SIP accounts · Telecom X': 'SIP-konti · Telecom X',
  Language: 'Sprog',
} as const
