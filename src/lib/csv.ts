/**
 * CSV for spreadsheets (RFC 4180, CRLF line ends). Cells that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab / carriage return) get a leading apostrophe, as
 * OWASP's CSV-injection guidance advises. That includes E.164 numbers such as +4570305050:
 * escaped they stay text in Excel instead of becoming the number 4570305050.
 */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n'
}

/** Excel reads UTF-8 (æøå) correctly only when the file starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF'

/** e.g. sip-accounts_acme-aps_2026-11-26.csv: scope words made safe for every file system. */
export function csvFileName(parts: readonly string[], date: Date): string {
  const day = date.toISOString().slice(0, 10)
  const words = parts
    .map((part) =>
      part
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/æ/gi, 'ae')
        .replace(/ø/gi, 'oe')
        .replace(/å/gi, 'aa')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40),
    )
    .filter(Boolean)
  return `${['sip-accounts', ...words, day].join('_')}.csv`
}
