import { useSyncExternalStore } from 'react'
import * as z from 'zod/mini'
import { storedPreference } from '../../../lib/stored-preference.ts'
import type { SipColumn } from './sip-column-catalogue.tsx'

export const DENSITIES = ['comfortable', 'compact'] as const
export type Density = (typeof DENSITIES)[number]

/*
 * The table view a user chose: column order, which are shown, and row density. Stored per browser
 * under a versioned key (bump VERSION when the meaning of the stored shape changes). Column ids are
 * plain strings on purpose: a column that was removed or renamed since is dropped on read, a new
 * one appears at its default place, so a changed column set never breaks a stored view.
 */
const VERSION = 1
const StoredViewSchema = z.object({
  columns: z.array(z.object({ id: z.string().check(z.maxLength(40)), visible: z.boolean() })).check(z.maxLength(100)),
  density: z.enum(DENSITIES),
})
export type StoredView = z.infer<typeof StoredViewSchema>

/** No stored columns means "the defaults". */
export const DEFAULT_VIEW: StoredView = { columns: [], density: 'comfortable' }

export const listViewPreference = storedPreference('sip-list-view', VERSION, StoredViewSchema, DEFAULT_VIEW)

export interface ColumnChoice {
  spec: SipColumn
  visible: boolean
}

/**
 * The permitted columns in the user's order with their visibility. Stored ids that are unknown or
 * not permitted are dropped; a permitted column the stored view does not mention goes right after
 * its default predecessor, with its default visibility. At least one column is always visible.
 */
export function resolveColumns(stored: StoredView, permitted: readonly SipColumn[]): ColumnChoice[] {
  const byId = new Map<string, SipColumn>(permitted.map((spec) => [spec.id, spec]))
  const choices: ColumnChoice[] = []
  for (const { id, visible } of stored.columns) {
    const spec = byId.get(id)
    if (spec && !choices.some((choice) => choice.spec === spec)) choices.push({ spec, visible })
  }
  permitted.forEach((spec, index) => {
    if (choices.some((choice) => choice.spec === spec)) return
    const previous = permitted[index - 1]
    const at = previous ? choices.findIndex((choice) => choice.spec === previous) + 1 : 0
    choices.splice(at, 0, { spec, visible: spec.defaultVisible })
  })
  if (!choices.some((choice) => choice.visible) && choices[0]) choices[0] = { ...choices[0], visible: true }
  return choices
}

export function toStored(choices: readonly ColumnChoice[], density: Density): StoredView {
  return { columns: choices.map(({ spec, visible }) => ({ id: spec.id, visible })), density }
}

/** Moves the column at `index` one place up (-1) or down (1). */
export function moveColumn(choices: readonly ColumnChoice[], index: number, step: 1 | -1): ColumnChoice[] {
  const target = index + step
  const moved = choices[index]
  const other = choices[target]
  if (!moved || !other) return [...choices]
  const next = [...choices]
  next[index] = other
  next[target] = moved
  return next
}

export function useStoredView(): StoredView {
  return useSyncExternalStore(listViewPreference.subscribe, listViewPreference.read, () => DEFAULT_VIEW)
}
