/** Danish for the generic components and src/lib's formatters and error texts (see ../da.ts). */
export const components = {
  '0 of {total}': '0 af {total}',
  '{from}–{to} of {total}': '{from}–{to} af {total}',
  '{minutes} min': '{minutes} min.',
  Yes: 'Ja',
  No: 'Nej',
  'just now': 'lige nu',
  '{seconds} s ago': '{seconds, plural, one {for # sekund siden} other {for # sekunder siden}}',
  '{minutes} min ago': '{minutes, plural, one {for # minut siden} other {for # minutter siden}}',
  '{hours} h ago': '{hours, plural, one {for # time siden} other {for # timer siden}}',

  // Shared words (buttons everyone uses).
  Retry: 'Prøv igen',
  'Retrying…': 'Prøver igen…',
  Close: 'Luk',
  Cancel: 'Annullér',
  Copy: 'Kopiér',
  Copied: 'Kopieret',
  'Copy failed': 'Kopiering mislykkedes',

  // Pagination.
  Pagination: 'Sidenavigation',
  'Rows per page': 'Rækker pr. side',
  'First page': 'Første side',
  'Previous page': 'Forrige side',
  'Next page': 'Næste side',
  'Last page': 'Sidste side',

  // Theme.
  Theme: 'Tema',
  System: 'System',
  Light: 'Lys',
  Dark: 'Mørk',

  // Combobox, table, chart.
  'Loading…': 'Henter…',
  'Load more': 'Hent flere',
  'Resize {label}': 'Tilpas bredden af {label}',
  'Show as table': 'Vis som tabel',
  Month: 'Måned',
  '{title}, bars': '{title}, søjler',

  // A lazy part that cannot be shown (failure-alert.tsx).
  'This part of the dashboard could not be downloaded.': 'Denne del af oversigten kunne ikke hentes.',
  'This could not be shown.': 'Dette kunne ikke vises.',
  'Check your connection and try again. If it keeps failing, reload the page.':
    'Tjek din forbindelse, og prøv igen. Hvis det bliver ved med at mislykkes, så genindlæs siden.',
  'Try again, or reload the page.': 'Prøv igen, eller genindlæs siden.',

  // Access levels (src/lib/access-level-names.ts).
  'No login': 'Intet login',
  Personal: 'Personlig',
  Viewer: 'Læser',
  Manager: 'Manager',
  Owner: 'Ejer',
  Reseller: 'Forhandler',
  'Reseller admin': 'Forhandleradministrator',
  Admin: 'Administrator',

  // Failed requests (src/lib/error-text.ts: the dashboard's words; the API's own messages stay as they came).
  'Cannot reach the Telecom X API. Check your connection and try again.':
    "Vi kan ikke få forbindelse til API'et hos Telecom X. Tjek din forbindelse, og prøv igen.",
  'The response is not JSON': 'Svaret er ikke JSON',
  'The API sent data this dashboard does not understand: the response ({issue}).':
    "API'et sendte data, som oversigten ikke forstår: svaret ({issue}).",
  'The API sent data this dashboard does not understand: field “{field}” ({issue}).':
    "API'et sendte data, som oversigten ikke forstår: feltet »{field}« ({issue}).",
  'Your session has ended. Please sign in again.': 'Din session er udløbet. Log ind igen.',
  'You do not have access to this.': 'Du har ikke adgang til dette.',
  'Not found.': 'Ikke fundet.',
  'Too many attempts. Wait a minute and try again.': 'For mange forsøg. Vent et minut, og prøv igen.',
  'The Telecom X API had a problem. Try again in a moment.': "API'et hos Telecom X havde et problem. Prøv igen om lidt.",
  'The request failed (HTTP {status}).': 'Forespørgslen mislykkedes (HTTP {status}).',
} as const
