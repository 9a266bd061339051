/*
 * Phone numbers the way people write them (decision 032). The API stores and matches numbers as
 * E.164 ("+4533079695") with a plain case-insensitive substring filter, while Danes write and
 * paste them in pairs ("+45 33 07 96 95", "33 07 96 95", "0045 33079695"). So:
 * - formatPhoneNumber only inserts spaces (never changes a character), which lets highlighting
 *   find a match in the E.164 value and mark the same characters in the grouped display;
 * - normalizePhoneSearch turns a search that looks like a number into the form the filter
 *   matches, and leaves everything else exactly as typed (an IP fragment, a name, a date).
 */

/** ITU country calling codes of one and two digits; every other code has three. */
const ONE_DIGIT_CODES = new Set(['1', '7'])
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
)

function countryCodeLength(digits: string): number {
  if (ONE_DIGIT_CODES.has(digits.slice(0, 1))) return 1
  if (TWO_DIGIT_CODES.has(digits.slice(0, 2))) return 2
  return 3
}

/** Splits text into groups of the given sizes (the sizes must add up to its length). */
function groups(text: string, sizes: readonly number[]): string[] {
  const out: string[] = []
  let at = 0
  for (const size of sizes) {
    out.push(text.slice(at, at + size))
    at += size
  }
  return out
}

const pairs = (text: string): string[] =>
  groups(
    text,
    Array.from({ length: text.length / 2 }, () => 2),
  )

/**
 * Where no national convention is known: threes from the left (7 → 3 4, 8 → 3 3 2, 10 → 3 3 4).
 */
function genericGroups(national: string): string[] {
  const n = national.length
  if (n <= 4) return [national]
  const sizes: number[] = []
  let left = n
  // Stopping at four or fewer leaves a tail of 2, 3 or 4: never a lone digit.
  while (left > 4) {
    sizes.push(3)
    left -= 3
  }
  sizes.push(left)
  return groups(national, sizes)
}

/** The national part's groups, or null when the number has a known country and the wrong length. */
function nationalGroups(code: string, national: string): string[] | null {
  switch (code) {
    case '45': // Denmark: always eight digits, written in pairs.
    case '298': // Faroe Islands and Greenland: six digits, in pairs.
    case '299':
      return national.length === (code === '45' ? 8 : 6) ? pairs(national) : null
    case '47': // Norway: eight digits; mobiles (4, 9) as 3 2 3, others in pairs.
      if (national.length !== 8) return null
      return /^[49]/.test(national) ? groups(national, [3, 2, 3]) : pairs(national)
    case '1': // North America: 3 3 4.
      return national.length === 10 ? groups(national, [3, 3, 4]) : null
    default:
      return genericGroups(national)
  }
}

/**
 * An E.164 number grouped for reading: "+4533079695" → "+45 33 07 96 95". Anything that is not
 * E.164 (no "+", too short or long, letters, already spaced, a SIP URI) is returned unchanged, so
 * the display never shows a number the data does not hold.
 */
export function formatPhoneNumber(value: string): string {
  if (!/^\+[1-9]\d{6,14}$/.test(value)) return value
  const digits = value.slice(1)
  const code = digits.slice(0, countryCodeLength(digits))
  const national = digits.slice(code.length)
  const parts = national.length >= 4 ? nationalGroups(code, national) : null
  return parts ? `+${code} ${parts.join(' ')}` : value
}

/** Spaces of every kind (pasted text brings no-break and thin spaces) and dashes of every kind. */
const SPACE = /\s/u
const DASH = /[-\u2010-\u2013\u2212]/u
const ALLOWED = /^[\d\s().+\-\u2010-\u2013\u2212]+$/u

/** "15.01.2024", "2024-01-15", "15 01 24": a date in a note, not a number. */
function looksLikeDate(text: string): boolean {
  const match = /^(\d{1,4})([.\s\-\u2010-\u2013\u2212])(\d{1,2})\2(\d{1,4})$/u.exec(text)
  if (!match) return false
  const [, first = '', , middle = '', last = ''] = match
  const month = Number(middle)
  if (month < 1 || month > 12) return false
  const [day, year] = first.length === 4 ? [last, first] : [first, last]
  return day.length <= 2 && Number(day) >= 1 && Number(day) <= 31 && (year.length === 2 || year.length === 4)
}

/**
 * Digits and dots only, as an IP address is written (no leading zeros, at most four groups of
 * one to three digits): "77.66.100", "10.0.0.1", "10.20.30.40", "100.". Such text stays an IP search.
 */
function couldBeIpAddress(text: string): boolean {
  const parts = text.split('.')
  return parts.length <= 4 && parts.every((part) => part === '' || (/^\d{1,3}$/.test(part) && Number(part) <= 255 && !/^0\d/.test(part)))
}

/**
 * The search text to send as GET /sip's `filter`. Text that looks like a phone number — digits
 * with spaces, dashes, parentheses or dots between pairs, a leading "+", "00" or "0045" — becomes
 * what the E.164 numbers contain: separators removed, "00" → "+", a "(0)" after the country code
 * dropped. Everything else is returned trimmed and otherwise unchanged (see the tests for both).
 */
export function normalizePhoneSearch(input: string): string {
  const text = input.trim()
  if (!ALLOWED.test(text)) return text
  // A "+" only opens a number, possibly inside parentheses: "(+45) 33 07 96 95".
  const plus = /^\(?\+/.test(text)
  if (text.indexOf('+') !== text.lastIndexOf('+') || (text.includes('+') && !plus)) return text

  const hasSeparator = [...text].some((char) => SPACE.test(char) || DASH.test(char) || char === '(' || char === ')')
  const digitsOnly = /^\d+$/.test(text)
  const international = plus || /^\(?00[1-9]/.test(text)

  if (!international && looksLikeDate(text)) return text
  if (text.includes('.') && !international && !hasSeparator) {
    // Dots alone: an IP fragment unless it is at least four pairs that cannot be an address
    // ("33.07.96.95" has a leading zero). Ambiguous text ("10.20.30.40") stays an IP search.
    const groupsOfTwo = text.split('.').every((part) => /^\d\d$/.test(part))
    if (couldBeIpAddress(text) || !groupsOfTwo || text.split('.').length < 4) return text
  }

  // The trunk prefix some countries write as "(0)" is not dialled from abroad: "+49 (0)30" is +4930.
  const withoutTrunkZero = international ? text.replace(/\(0\)/g, '') : text
  const digits = withoutTrunkZero.replace(/\D/g, '')
  if (digits === '') return text

  if (plus) return `+${digits}`
  if (/^00[1-9]/.test(digits)) {
    // Typed run together, "00" + digits is only taken for a whole international number; a short
    // "0012" may be part of a username or a port.
    if (digitsOnly && digits.length < 10) return text
    return `+${digits.slice(2)}`
  }
  if (digitsOnly) return text
  // Without a prefix, a few digits with separators may as well be part of a name ("1 2").
  return digits.length >= 4 ? digits : text
}
