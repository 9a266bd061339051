/** Danish for the generic components and src/lib's formatters (see ../da.ts). */
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
} as const
