import { describe, expect, test } from 'vitest'
import { formatPhoneNumber, normalizePhoneSearch } from './phone-number.ts'

describe('formatPhoneNumber', () => {
  test.each([
    ['+4533079695', '+45 33 07 96 95'],
    ['+4570305050', '+45 70 30 50 50'],
    ['+298123456', '+298 12 34 56'],
    ['+299123456', '+299 12 34 56'],
    ['+4722334455', '+47 22 33 44 55'],
    ['+4741234567', '+47 412 34 567'],
    ['+12025550143', '+1 202 555 0143'],
    ['+46701234567', '+46 701 234 567'],
    ['+4930123456', '+49 301 234 56'],
    ['+442079460958', '+44 207 946 0958'],
    ['+3541234567', '+354 123 4567'],
  ])('groups %s as %s', (value, grouped) => {
    expect(formatPhoneNumber(value)).toBe(grouped)
  })

  test.each([
    ['a Danish number of the wrong length', '+451234567'],
    ['a North American number of the wrong length', '+1202555014'],
    ['no plus', '4533079695'],
    ['a national number', '33079695'],
    ['too short for E.164', '+451234'],
    ['too long for E.164', '+4533079695123456'],
    ['already grouped', '+45 33 07 96 95'],
    ['a leading zero country code', '+0533079695'],
    ['letters', '+45SIPTRUNK'],
    ['a SIP URI', '+4533079695@77.66.100.123'],
    ['empty', ''],
  ])('leaves %s unchanged', (_, value) => {
    expect(formatPhoneNumber(value)).toBe(value)
  })

  test('only inserts spaces: removing them gives the E.164 value back', () => {
    for (const value of ['+4533079695', '+12025550143', '+46701234567', '+298123456', '+861012345678']) {
      expect(formatPhoneNumber(value).replaceAll(' ', '')).toBe(value)
    }
  })
})

describe('normalizePhoneSearch: numbers the way people write them', () => {
  test.each([
    // What the issue reports as finding nothing, and the form that matches the stored E.164.
    ['+45 33 07 96 95', '+4533079695'],
    ['33 07 96 95', '33079695'],
    ['0045 33079695', '+4533079695'],
    ['0045 33 07 96 95', '+4533079695'],
    ['004533079695', '+4533079695'],
    ['45 33 07 96 95', '4533079695'],
    ['3307 9695', '33079695'],
    ['33-07-96-95', '33079695'],
    ['+45-33-07-96-95', '+4533079695'],
    ['33.07.96.95', '33079695'],
    ['+45.33.07.96.95', '+4533079695'],
    ['0045.33.07.96.95', '+4533079695'],
    ['(+45) 33 07 96 95', '+4533079695'],
    ['(0045) 33 07 96 95', '+4533079695'],
    ['(33) 07 96 95', '33079695'],
    ['+49 (0)30 123456', '+4930123456'],
    ['+1 (202) 555-0143', '+12025550143'],
    // Pasted from web pages and documents: no-break and thin spaces, typographic dashes.
    ['+45\u00a033\u00a007\u00a096\u00a095', '+4533079695'],
    ['33\u202f07\u200996\u200995', '33079695'],
    ['33\u201307\u201396\u201395', '33079695'],
    // Typed surroundings and partial numbers (the search runs while typing).
    ['  +45 33 07 96 95  ', '+4533079695'],
    ['+45 33', '+4533'],
    ['+ 45', '+45'],
    ['33 07', '3307'],
    ['33 07 9', '33079'],
  ])('%j is sent as %j', (typed, sent) => {
    expect(normalizePhoneSearch(typed)).toBe(sent)
  })
})

describe('normalizePhoneSearch: what must not change', () => {
  test.each([
    ['an IP fragment', '77.66.100'],
    ['a whole IP address', '10.0.0.1'],
    ['an IP address of two-digit parts (ambiguous: the IP wins)', '10.20.30.40'],
    ['an IP fragment ending in a dot', '77.66.'],
    ['an IP address with a port', '10.0.0.1:5060'],
    ['three dotted pairs', '33.07.96'],
    ['dotted groups that are not pairs', '1234.5678'],
    ['a name with a digit', 'Trunk 2'],
    ['a name with a number', 'Kontor 33 07 96 95'],
    ['a country code alone', '45'],
    ['a plus and a country code', '+45'],
    ['a short digit string', '123'],
    ['digits run together', '33079695'],
    ['an E.164 number', '+4533079695'],
    ['a short 00 run together (username, port)', '0045'],
    ['00 and seven digits run together', '001234567'],
    ['a few digits with a space', '1 2'],
    ['three digits with separators', '1-23'],
    ['a date with dots', '15.01.2024'],
    ['a short date with dots', '15.01.24'],
    ['an ISO date', '2024-01-15'],
    ['a date with dashes', '15-01-2024'],
    ['an e-mail', '33079695@example.dk'],
    ['a username', 'k3x9q2m7t5v8w1z4'],
    ['a SIP URI', 'sip:+4533079695@77.66.100.1'],
    ['a plus inside', '45+33079695'],
    ['two pluses', '++4533079695'],
    ['a lone plus', '+'],
    ['parentheses only', '()'],
    ['a dot only', '.'],
    ['empty', ''],
  ])('%s: %j', (_, typed) => {
    expect(normalizePhoneSearch(typed)).toBe(typed)
  })

  test('only trims surrounding space from text that is not a number', () => {
    expect(normalizePhoneSearch('  Trunk 2 ')).toBe('Trunk 2')
    expect(normalizePhoneSearch(' 77.66.100 ')).toBe('77.66.100')
  })
})
