import * as z from 'zod/mini'

export const ID_PATTERN = /^[0-9a-fA-F]{24}$/

/** Telecom X ids are 24 hex characters; compare them case-insensitively. */
export const IdSchema = z.string().check(z.regex(ID_PATTERN, 'Expected a 24-character hex id'))

export function isId(value: string): boolean {
  return ID_PATTERN.test(value)
}

export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && a.toLowerCase() === b.toLowerCase()
}
