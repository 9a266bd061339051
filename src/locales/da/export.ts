/** Danish for the CSV export: its dialog, the file's name (see ../da.ts). Column headers are in columns.ts. */
export const exportMessages = {
  'Export CSV': 'Eksportér CSV',
  'Cancel export': 'Annullér eksport',
  'Export again': 'Eksportér igen',
  '{count, plural, one {# column} other {# columns}}: {names}.': '{count, plural, one {# kolonne} other {# kolonner}}: {names}.',
  'Exporting…': 'Eksporterer…',
  'Exported {count} accounts to {fileName}.':
    '{count, plural, one {Eksporterede # konto til {fileName}.} other {Eksporterede # konti til {fileName}.}}',
  'Export cancelled. No file was saved.': 'Eksporten blev annulleret. Ingen fil blev gemt.',
  'The export stopped.': 'Eksporten stoppede.',
  'Something went wrong while exporting.': 'Noget gik galt under eksporten.',
  '{done} of {total} rows': '{done} af {total} rækker',
  'Starting…': 'Starter…',
  'Download {fileName} again': 'Hent {fileName} igen',
  // The separator (decision 049).
  Separator: 'Skilletegn',
  'Comma (,)': 'Komma (,)',
  'Semicolon (;)': 'Semikolon (;)',
  'Semicolon suits Excel in Danish (with a decimal comma), comma suits Excel in English.':
    'Semikolon passer til Excel på dansk (med decimalkomma), komma til Excel på engelsk.',
  // The file's name: sip-konti_forhandler-navn_nede_2026-11-26.csv
  'sip-accounts': 'sip-konti',
  'reseller {name}': 'forhandler {name}',
  up: 'oppe',
  down: 'nede',
} as const
