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

/**
 * Splits `display` — `source` with characters inserted, such as the spaces of a grouped phone
 * number — where `term` matches `source`. The search ran on the source (the API matches the E.164
 * value), so the match is found there and marked on the characters the reader sees: searching
 * "33079695" marks "33 07 96 95" inside "+45 33 07 96 95". When display is not such a
 * spaced-out source, it is matched as it stands.
 */
export function splitSourceMatches(display: string, source: string, term: string): TextPart[] {
  // positions[k] = where source's character k stands in display.
  const positions: number[] = []
  for (let i = 0; i < display.length && positions.length < source.length; i++) {
    if (display[i] === source[positions.length]) positions.push(i)
  }
  if (positions.length < source.length) return splitMatches(display, term)

  const parts: TextPart[] = []
  let from = 0
  let at = 0
  for (const part of splitMatches(source, term)) {
    const end = at + part.text.length
    if (part.match) {
      const start = positions[at] ?? 0
      const stop = (positions[end - 1] ?? 0) + 1
      if (start > from) parts.push({ text: display.slice(from, start), match: false })
      parts.push({ text: display.slice(start, stop), match: true })
      from = stop
    }
    at = end
  }
  if (from < display.length) parts.push({ text: display.slice(from), match: false })
  return parts
}
