import type { Locale } from './i18n.ts'

/**
 * CSV for spreadsheets (RFC 4180, CRLF line ends). Cells that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab / carriage return) get a leading apostrophe, as
 * OWASP's CSV-injection guidance advises. That includes E.164 numbers such as +4570305050:
 * escaped they stay text in Excel instead of becoming the number 4570305050.
 *
 * Two dialects (decision 049): what Excel opens in columns with a double click depends on the
 * list separator of its language. English: `,` between cells and a decimal point; Danish (and most
 * of Europe, where the comma is the decimal sign): `;` between cells and a decimal comma.
 */
export type CsvSeparator = ',' | ';'

/** A text cell, or a number, written with the dialect's decimal sign (text is never touched). */
export type CsvValue = string | number

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES: Record<CsvSeparator, RegExp> = { ',': /[",\r\n]|^\s|\s$/, ';': /[";\r\n]|^\s|\s$/ }

/** The separator a spreadsheet in this language expects: Danish `;`, English `,`. */
export function csvSeparatorFor(locale: Locale): CsvSeparator {
  return locale === 'da' ? ';' : ','
}

export function csvCell(value: CsvValue, separator: CsvSeparator = ','): string {
  if (typeof value === 'number') return csvNumber(value, separator)
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES[separator].test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function csvLine(cells: readonly CsvValue[], separator: CsvSeparator = ','): string {
  return cells.map((cell) => csvCell(cell, separator)).join(separator) + '\r\n'
}

/**
 * No grouping (a spreadsheet would read "1,304" as text or as 1.304); decimals with a point
 * beside `,` and with a comma beside `;`, so "12,5" is a number to Danish Excel. A number is ours,
 * not the user's text: a minus sign is not a formula.
 */
function csvNumber(value: number, separator: CsvSeparator): string {
  if (!Number.isFinite(value)) return ''
  const text = String(value)
  return separator === ';' ? text.replace('.', ',') : text
}

/** Excel reads UTF-8 (æøå) correctly only when the file starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF'

/** e.g. sip-accounts_acme-aps_2026-11-26.csv: the words made safe for every file system, then the date. */
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
  return `${[...words, day].join('_')}.csv`
}
