import { createContext, use } from 'react'
import { splitMatches } from '../lib/highlight.ts'
import './highlight.css'

/** The search term to highlight in the cells below; a context so memoised rows still update. */
export const HighlightContext = createContext('')

/** Renders text with the searched part in <mark>, as text nodes only (never HTML from data). */
export function Highlight({ text }: { text: string }) {
  const term = use(HighlightContext)
  if (!term) return text
  return splitMatches(text, term).map((part, index) =>
    part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
  )
}
