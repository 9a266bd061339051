import type { ReactNode } from 'react'
import './badge.css'

export type BadgeTone = 'positive' | 'negative' | 'warning' | 'neutral' | 'info'

/** A small label; the text always carries the meaning, the colour only repeats it. */
export function Badge({ tone, children, title }: { tone: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  )
}
