/** Danish for the SIP account columns: the column catalogue, cells, connection types and the view options (see ../da.ts). */
export const columns = {
  // The column catalogue: headers, the column chooser and the CSV headers.
  Name: 'Navn',
  Customer: 'Kunde',
  'Customer id': 'Kunde-id',
  Numbers: 'Numre',
  Status: 'Status',
  Active: 'Aktiv',
  Connection: 'Forbindelse',
  'IP address': 'IP-adresse',
  Username: 'Brugernavn',
  'Rate plan': 'Prisplan',
  Failover: 'Omstilling',
  'Usage block': 'Forbrugsspærring',
  'Default number': 'Standardnummer',
  Contact: 'Kontakt',
  'User agent': 'User agent',
  Notes: 'Noter',
  'SIP server': 'SIP-server',
  // Cells (Up and Down as the Status filter says them).
  Up: 'Oppe',
  Down: 'Nede',
  '{count, plural, one {# more number} other {# more numbers}}': '{count, plural, one {# nummer mere} other {# numre mere}}',
  'Numbers of {name}': 'Numre for {name}',
  'Up: the API reports status ON': "Oppe: API'et melder status ON",
  'Down: the API reports status OFF': "Nede: API'et melder status OFF",
  PBX: 'PBX',
  'Hosted PBX trunk: has no SIP status': 'Hostet PBX-trunk: har ingen SIP-status',
  'No status reported': 'Ingen status oplyst',
  Inactive: 'Inaktiv',
  'PBX trunk · cluster {cluster}': 'PBX-trunk · klynge {cluster}',
  '(always)': '(altid)',
  Blocked: 'Spærret',

  // Connection types: the table's short labels and the drawer's explanations.
  'Fixed IP + auth': 'Fast IP + godkendelse',
  'Fixed IP + auth + register': 'Fast IP + godkendelse + registrering',
  'Fixed IP, no auth': 'Fast IP, ingen godkendelse',
  'Register from countries': 'Registrering fra lande',
  'Calls are sent to the fixed IP address and port. The client must authenticate to make outbound calls and can only do so from that IP address.':
    'Opkald sendes til den faste IP-adresse og port. Klienten skal godkende sig for at ringe ud og kan kun gøre det fra den IP-adresse.',
  'The client must be at the fixed IP address, must register to receive calls and must authenticate to make outbound calls.':
    'Klienten skal være på den faste IP-adresse, skal registrere sig for at modtage opkald og skal godkende sig for at ringe ud.',
  'Calls are sent to the fixed IP address and port; outbound calls must come from that IP address. No authentication (Lync mode).':
    'Opkald sendes til den faste IP-adresse og port; udgående opkald skal komme fra den IP-adresse. Ingen godkendelse (Lync-tilstand).',
  'The client must register to make and receive calls, from an IP address in one of the allowed countries.':
    'Klienten skal registrere sig for at ringe ud og modtage opkald, fra en IP-adresse i et af de tilladte lande.',

  // The column chooser (Table view).
  'Table view': 'Tabelvisning',
  Columns: 'Kolonner',
  'Reset view': 'Nulstil visning',
  Done: 'Færdig',
  'Your choice is remembered in this browser. Columns marked “details” load each account’s full record, which makes pages a little slower.':
    'Dit valg huskes i denne browser. Kolonner markeret »detaljer« henter hver kontos fulde oplysninger, hvilket gør siderne lidt langsommere.',
  details: 'detaljer',
  'Move {label} up': 'Flyt {label} op',
  'Move {label} down': 'Flyt {label} ned',
  'Row density': 'Rækketæthed',
  Comfortable: 'Luftig',
  Compact: 'Kompakt',

  // CSV values: codes stay codes, these words follow the language.
  'PBX (cluster {cluster})': 'PBX (klynge {cluster})',
  '{failover} (always)': '{failover} (altid)',
} as const
