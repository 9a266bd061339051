/** Danish for the list: toolbar, Status filter, states, notices, live status, actions, shortcuts, the page itself (see ../da.ts). */
export const list = {
  // The page and its table.
  'SIP accounts': 'SIP-konti',
  'SIP account': 'SIP-konto',
  'Your access level has no SIP accounts': 'Dit adgangsniveau har ingen SIP-konti',
  'You are signed in with the access level “{level}”, which cannot view SIP accounts. Ask an owner or your reseller for a Viewer, Manager or Owner login if you need them.':
    'Du er logget ind med adgangsniveauet »{level}«, som ikke kan se SIP-konti. Bed en ejer eller din forhandler om et login som Læser, Manager eller Ejer, hvis du har brug for dem.',
  'Loading SIP accounts…': 'Henter SIP-konti…',
  'Could not load SIP accounts': 'SIP-konti kunne ikke hentes',

  // Search and the Status filter.
  Search: 'Søg',
  'Name, number, IP address, username or notes': 'Navn, nummer, IP-adresse, brugernavn eller noter',
  'Name, number, IP address or username': 'Navn, nummer, IP-adresse eller brugernavn',
  All: 'Alle',
  Up: 'Oppe',
  Down: 'Nede',
  'Status ON': 'Status ON',
  'Status OFF': 'Status OFF',
  'All = Up + Down + PBX trunks (no status)': 'Alle = Oppe + Nede + PBX-trunks (uden status)',
  'All = Up + Down (no PBX trunks here)': 'Alle = Oppe + Nede (ingen PBX-trunks her)',
  'All = Up + Down + {count, plural, one {# PBX trunk} other {# PBX trunks}} without status':
    'Alle = Oppe + Nede + {count, plural, one {# PBX-trunk} other {# PBX-trunks}} uden status',

  // Empty results and their ways out.
  'No account matches “{filter}”': 'Ingen konto passer til »{filter}«',
  'No account matches “{filter}” among accounts that are up': 'Ingen konto passer til »{filter}« blandt konti, der er oppe',
  'No account matches “{filter}” among accounts that are down': 'Ingen konto passer til »{filter}« blandt konti, der er nede',
  'Check the spelling, or search for part of a number, IP address or username.':
    'Tjek stavningen, eller søg på en del af et nummer, en IP-adresse eller et brugernavn.',
  'No accounts are down': 'Ingen konti er nede',
  'Every account with a status is up.': 'Alle konti med en status er oppe.',
  'No accounts are up': 'Ingen konti er oppe',
  'No SIP accounts yet': 'Ingen SIP-konti endnu',
  'Accounts created for this customer will be listed here.': 'Konti, der oprettes til denne kunde, bliver vist her.',
  'Clear search': 'Ryd søgning',
  'Show all statuses': 'Vis alle uanset status',
  'This page is past the end of the list': 'Siden ligger efter listens sidste konto',
  'There are {total} accounts in all.': '{total, plural, one {Der er # konto i alt.} other {Der er # konti i alt.}}',
  'Go to the last page': 'Gå til sidste side',
  'Show my own customer': 'Vis min egen kunde',

  // The list's errors (the API's own message is shown as it came).
  'Something unexpected went wrong.': 'Noget uventet gik galt.',
  'Cannot reach the Telecom X API': "Ingen forbindelse til API'et hos Telecom X",
  'Check your connection, then retry.': 'Tjek din forbindelse, og prøv igen.',
  'The API sent data this dashboard does not understand': "API'et sendte data, som oversigten ikke forstår",
  'Problem in the field “{field}”. {message}': 'Problem i feltet »{field}«. {message}',
  'Problem in the response. {message}': 'Problem i svaret. {message}',
  'Customer not found': 'Kunden blev ikke fundet',
  'The chosen customer does not exist. Choose another one or go back to your own.':
    'Den valgte kunde findes ikke. Vælg en anden, eller gå tilbage til din egen.',
  'No access to this customer': 'Ingen adgang til denne kunde',
  'Your access level does not allow viewing the SIP accounts of this customer.':
    'Dit adgangsniveau giver ikke adgang til at se denne kundes SIP-konti.',
  'Not found': 'Ikke fundet',

  // A link's values that could not be used (list-params.ts).
  'This link had values that could not be used as they were:': 'Linket havde værdier, der ikke kunne bruges, som de var:',
  'The search was shortened to {max} characters.': 'Søgningen blev forkortet til {max} tegn.',
  'Status “{value}” is not Up or Down, so all accounts are shown.': 'Status »{value}« er hverken Oppe eller Nede, så alle konti vises.',
  'Rows per page “{value}” is not a number from 1 to 500; showing {limit}.':
    'Rækker pr. side »{value}« er ikke et tal fra 1 til 500; viser {limit}.',
  'Rows per page “{value}” is not offered; showing {limit}.': 'Rækker pr. side »{value}« kan ikke vælges; viser {limit}.',
  'Position “{value}” is not valid; showing from the first account.': 'Positionen »{value}« er ikke gyldig; viser fra den første konto.',
  'The {kind, select, customer {customer} other {reseller}} id “{value}” is not a valid id (24 hexadecimal characters) and was ignored.':
    "{kind, select, customer {Kunde-id'et} other {Forhandler-id'et}} »{value}« er ikke et gyldigt id (24 hexadecimale tegn) og blev ignoreret.",
  'The account id “{value}” is not a valid id and was ignored.': "Konto-id'et »{value}« er ikke et gyldigt id og blev ignoreret.",
  'The view “{value}” is not known, so the list is shown.': 'Visningen »{value}« kendes ikke, så listen vises.',
  'Your access level lists only your own customer’s accounts, so the customer or reseller in this link was ignored.':
    'Dit adgangsniveau viser kun din egen kundes konti, så kunden eller forhandleren i linket blev ignoreret.',

  // Live status.
  'Updated {ago}': 'Opdateret {ago}',
  'Offline · showing data from {ago}': 'Offline · viser data hentet {ago}',
  'Could not refresh · showing data from {ago}': 'Kunne ikke opdatere · viser data hentet {ago}',
  Refresh: 'Opdatér',
  'Refreshing…': 'Opdaterer…',

  // The list's actions and the keyboard shortcuts.
  'Export CSV': 'Eksportér CSV',
  Columns: 'Kolonner',
  'Table view': 'Tabelvisning',
  'Keyboard shortcuts': 'Tastaturgenveje',
  'Keys and what they do': 'Taster, og hvad de gør',
  Keys: 'Taster',
  Action: 'Handling',
  or: 'eller',
  'Next row': 'Næste række',
  'Previous row': 'Forrige række',
  'Open the account': 'Åbn kontoen',
  'Close the account or dialog': 'Luk kontoen eller dialogen',
  'These shortcuts': 'Disse genveje',
  'Row and page keys work when the focus is not in a text field.': 'Række- og sidetasterne virker, når fokus ikke er i et tekstfelt.',
  // Key names as Danish keyboards print them.
  Enter: 'Enter',
  Esc: 'Esc',
  PageDown: 'PageDown',
  PageUp: 'PageUp',
} as const
