import { createContext, use } from 'react'
import { splitMatches, splitSourceMatches } from '../lib/highlight.ts'
import './highlight.css'

/** The search term to highlight in the cells below; a context so memoised rows still update. */
export const HighlightContext = createContext('')

interface HighlightProps {
  text: string
  /** What the API searched when `text` is a display form of it (a grouped phone number). */
  source?: string | undefined
}

/** Renders text with the searched part in <mark>, as text nodes only (never HTML from data). */
export function Highlight({ text, source }: HighlightProps) {
  const term = use(HighlightContext)
  if (!term) return text
  const parts = source === undefined ? splitMatches(text, term) : splitSourceMatches(text, source, term)
  return parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))
}
