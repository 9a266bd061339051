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
  // CSV values: codes stay codes, these words follow the language.
  'PBX (cluster {cluster})': 'PBX (klynge {cluster})',
  '{failover} (always)': '{failover} (altid)',
} as const
