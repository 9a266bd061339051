import { expect, test } from 'vitest'
import { csvCell, csvFileName, csvLine } from './csv.ts'

test('cells that start a formula are escaped with an apostrophe', () => {
  expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`)
  expect(csvCell('+4570305050')).toBe("'+4570305050")
  expect(csvCell('-1')).toBe("'-1")
  expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
  expect(csvCell('\tcmd')).toBe("'\tcmd")
  expect(csvCell('Primary trunk')).toBe('Primary trunk')
})

test('commas, quotes and line breaks are quoted', () => {
  expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'plain'])).toBe('"a,b","say ""hi""","two\nlines",plain\r\n')
})

test('a carriage return, alone or in CRLF, is quoted so it cannot end the row', () => {
  expect(csvCell('old\rnew')).toBe('"old\rnew"')
  expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"')
  expect(csvLine(['a\rb', 'c'])).toBe('"a\rb",c\r\n')
  // At the start it is also a formula trigger: apostrophe first, then quoted.
  expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"')
})

test('file names carry scope and date and survive æøå', () => {
  expect(csvFileName(['Ærø Køkkener ApS', 'down'], new Date('2026-11-26T12:00:00Z'))).toBe(
    'sip-accounts_aeroe-koekkener-aps_down_2026-11-26.csv',
  )
  expect(csvFileName([], new Date('2026-01-02T00:00:00Z'))).toBe('sip-accounts_2026-01-02.csv')
})
