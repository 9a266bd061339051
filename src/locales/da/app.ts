/** Danish for the app shell: header, page title, session splash, offline banner, error boundary (see ../da.ts). */
export const app = {
  'SIP accounts · Telecom X': 'SIP-konti · Telecom X',
  Language: 'Sprog',

  // Header.
  'Skip to content': 'Gå til indhold',
  'Signed in': 'Logget ind',
  'Sign out': 'Log ud',

  // Session splash.
  'Resuming your session…': 'Genoptager din session…',
  'Your session could not be resumed.': 'Din session kunne ikke genoptages.',
  'Sign in again': 'Log ind igen',

  // Offline banner.
  Connection: 'Forbindelse',
  'Cannot reach the Telecom X API.': "Ingen forbindelse til API'et hos Telecom X.",
  'You are offline.': 'Du er offline.',
  'What you see may be outdated; it updates once the API answers again.':
    "Det, du ser, kan være forældet; det opdateres, når API'et svarer igen.",
  'What you see may be outdated; it updates when the connection is back.':
    'Det, du ser, kan være forældet; det opdateres, når forbindelsen er tilbage.',

  // Error boundary.
  'Part of the dashboard could not be downloaded.': 'En del af oversigten kunne ikke hentes.',
  'Something went wrong in the dashboard.': 'Noget gik galt i oversigten.',
  'Check your connection, then reload.': 'Tjek din forbindelse, og genindlæs så siden.',
  'Reloading the page usually helps.': 'Det hjælper som regel at genindlæse siden.',
  'Your filters are kept in the address.': 'Dine filtre er gemt i adressen.',
  Reload: 'Genindlæs',
} as const
