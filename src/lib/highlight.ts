export interface TextPart {
  text: string
  match: boolean
}

/**
 * Splits text into matched and unmatched parts (case-insensitive substring, like the API's filter),
 * so the caller renders them as text nodes: no HTML is ever built from data.
 */
export function splitMatches(text: string, term: string): TextPart[] {
  const needle = term.trim().toLowerCase()
  if (!needle) return [{ text, match: false }]
  const haystack = text.toLowerCase()
  const parts: TextPart[] = []
  let from = 0
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false })
    parts.push({ text: text.slice(at, at + needle.length), match: true })
    from = at + needle.length
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false })
  return parts
}
