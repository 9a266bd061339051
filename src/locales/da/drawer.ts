/** Danish for the account drawer: header, summary, sections, password, voice usage (see ../da.ts). */
export const drawer = {
  // Header and the walk.
  'Loading account…': 'Henter konto…',
  'SIP account': 'SIP-konto',
  'Account {position} of {total}': 'Konto {position} af {total}',
  'Previous account': 'Forrige konto',
  'Next account': 'Næste konto',
  'Could not load the neighbouring account.': 'Den forrige eller næste konto kunne ikke hentes.',
  'Could not load this account': 'Kontoen kunne ikke hentes',
  'Cannot reach the Telecom X API': "Ingen forbindelse til API'et hos Telecom X",
  'The API sent data this dashboard does not understand': "API'et sendte data, som oversigten ikke forstår",
  'This account does not exist (any more)': 'Kontoen findes ikke (længere)',
  'You have no access to this account': 'Du har ikke adgang til denne konto',

  // Summary.
  'Account summary': 'Kort om kontoen',
  'went down at {time}': 'gik ned kl. {time}',
  'came up at {time}': 'kom op kl. {time}',
  'went down at {date}, {time}': 'gik ned {date} kl. {time}',
  'came up at {date}, {time}': 'kom op {date} kl. {time}',
  'Active: not reported': 'Aktiv: ikke oplyst',
  'Usage blocked': 'Forbrugsspærret',
  'Not blocked': 'Ikke spærret',
  'Hosted PBX trunk, cluster {cluster}': 'Hostet PBX-trunk, klynge {cluster}',
  'SIP trunk': 'SIP-trunk',
  'List the SIP accounts of {customer}': 'Vis SIP-konti for {customer}',
  'Copy connection details': 'Kopiér forbindelsesoplysninger',
  'ID …{id}': 'ID …{id}',

  // Overview.
  Overview: 'Overblik',
  Type: 'Type',
  'Copy number {number}': 'Kopiér nummer {number}',

  // Connection.
  'This is a hosted PBX trunk (cluster {cluster}). The PBX handles the connection, so connection type, IP address, port, credentials, registration and failover do not apply to it.':
    "Dette er en hostet PBX-trunk (klynge {cluster}). PBX'en står for forbindelsen, så forbindelsestype, IP-adresse, port, loginoplysninger, registrering og omstilling gælder ikke for den.",
  'Connection type': 'Forbindelsestype',
  'API code {code}': 'API-kode {code}',
  'Copy IP address': 'Kopiér IP-adresse',
  Port: 'Port',
  Countries: 'Lande',
  'Copy username': 'Kopiér brugernavn',
  Password: 'Adgangskode',
  'Copy SIP contact': 'Kopiér SIP-kontakt',
  'Copy SIP server': 'Kopiér SIP-server',
  'Reveal password': 'Vis adgangskode',
  'Hide password': 'Skjul adgangskode',
  'Copy password': 'Kopiér adgangskode',

  // Calling.
  Calling: 'Opkald',
  'High-rate numbers': 'Overtakserede numre',
  'International calls': 'Udlandsopkald',
  'May present any number (CLIP)': 'Må vise ethvert nummer (CLIP)',
  'Strip +45 on incoming calls': 'Fjern +45 på indgående opkald',
  'Prefix calls from mobiles with 03': 'Sæt 03 foran opkald fra mobiler',
  'Always present default number': 'Vis altid standardnummeret',
  'Always secret number': 'Altid hemmeligt nummer',

  // Failover.
  'Always use failover': 'Brug altid omstilling',
  'Failover is handled by the hosted PBX for this trunk.': 'Omstilling styres af den hostede PBX for denne trunk.',

  // Billing, notes, custom data.
  Billing: 'Fakturering',
  'New rate plan from next month': 'Ny prisplan fra næste måned',
  'Parent SIP account': 'Overordnet SIP-konto',
  'Invoiced until': 'Faktureret til og med',
  'Billing customer': 'Faktureringskunde',
  'No notes.': 'Ingen noter.',
  'Custom data': 'Egne data',
  'None.': 'Ingen.',

  // Voice usage.
  'Voice usage': 'Taleforbrug',
  'Loading voice usage…': 'Henter taleforbrug…',
  'Voice usage could not be loaded.': 'Taleforbruget kunne ikke hentes.',
  'Voice usage is not available for this account.': 'Taleforbrug er ikke tilgængeligt for denne konto.',
  'No voice usage recorded.': 'Intet taleforbrug registreret.',
  'Outgoing minutes to Danish numbers, {period}': 'Udgående minutter til danske numre, {period}',
  minutes: 'minutter',
} as const
