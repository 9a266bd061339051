import { expect, test } from 'vitest'
import { csvCell, csvFileName, csvLine, csvSeparatorFor } from './csv.ts'

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

test('file names are the words given, made safe for every file system (æøå too), then the date', () => {
  expect(csvFileName(['sip-accounts', 'Ærø Køkkener ApS', 'down'], new Date('2026-11-26T12:00:00Z'))).toBe(
    'sip-accounts_aeroe-koekkener-aps_down_2026-11-26.csv',
  )
  expect(csvFileName(['SIP-konti', '', 'nede'], new Date('2026-01-02T00:00:00Z'))).toBe('sip-konti_nede_2026-01-02.csv')
})

test('Danish gets a semicolon, English a comma', () => {
  expect(csvSeparatorFor('da')).toBe(';')
  expect(csvSeparatorFor('en')).toBe(',')
})

test('a cell is quoted for the separator in use: a comma in a comma file, a semicolon in a semicolon file', () => {
  const headers = ['Navn; alias', 'Name, alias', 'Plain']
  expect(csvLine(headers, ',')).toBe('Navn; alias,"Name, alias",Plain\r\n')
  expect(csvLine(headers, ';')).toBe('"Navn; alias";Name, alias;Plain\r\n')
  // Quotes and line breaks are quoted in both.
  expect(csvLine(['say "hi"', 'two\nlines'], ';')).toBe('"say ""hi""";"two\nlines"\r\n')
  // Formula escaping does not depend on the separator.
  expect(csvLine(['+4570305050', '=1;2'], ';')).toBe(`'+4570305050;"'=1;2"\r\n`)
})

test('numbers: a decimal point beside commas, a decimal comma beside semicolons, never grouped', () => {
  expect(csvLine(['Rate', 12.5, 1304, -0.25], ',')).toBe('Rate,12.5,1304,-0.25\r\n')
  expect(csvLine(['Rate', 12.5, 1304, -0.25], ';')).toBe('Rate;12,5;1304;-0,25\r\n')
  // Text that looks like a decimal (a version, an address) is text: never rewritten.
  expect(csvLine(['1.5', '10.0.0.1'], ';')).toBe('1.5;10.0.0.1\r\n')
  expect(csvCell(Number.NaN, ';')).toBe('')
})
