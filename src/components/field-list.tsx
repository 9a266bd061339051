import type { ReactNode } from 'react'
import { DASH } from '../lib/format.ts'
import './field-list.css'

/** A labelled list of values (a <dl>); missing values show an em dash. */
export function FieldList({ children }: { children: ReactNode }) {
  return <dl className="field-list">{children}</dl>
}

export function Field({ label, children }: { label: string; children?: ReactNode }) {
  const empty = children === undefined || children === null || children === ''
  return (
    <div className="field-row">
      <dt>{label}</dt>
      <dd>{empty ? DASH : children}</dd>
    </div>
  )
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="drawer-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  )
}
