import { useSyncExternalStore } from 'react'
import * as z from 'zod/mini'
import { storedPreference } from '../../../lib/stored-preference.ts'
import type { SipColumn } from './sip-column-catalogue.tsx'

export const DENSITIES = ['comfortable', 'compact'] as const
export type Density = (typeof DENSITIES)[number]

/*
 * The table view a user chose: column order, which are shown, their widths, and row density.
 * Stored per browser under a versioned key (bump VERSION when the meaning of the stored shape
 * changes, and read the previous version as a fallback). Column ids are plain strings on purpose:
 * a column that was removed or renamed since is dropped on read, a new one appears at its default
 * place, so a changed column set never breaks a stored view. A width is only a preference: the
 * table clamps it to the column's minimum and maximum.
 *
 * v1: columns + density. v2: + widths (px by column id).
 */
const VERSION = 2
const StoredColumnsSchema = z.array(z.object({ id: z.string().check(z.maxLength(40)), visible: z.boolean() })).check(z.maxLength(100))
const StoredViewV1Schema = z.object({ columns: StoredColumnsSchema, density: z.enum(DENSITIES) })
const StoredViewSchema = z.object({
  columns: StoredColumnsSchema,
  density: z.enum(DENSITIES),
  widths: z.record(z.string().check(z.maxLength(40)), z.number().check(z.gte(0), z.lte(5000))),
})
export type StoredView = z.infer<typeof StoredViewSchema>
export type ColumnWidths = StoredView['widths']

/** No stored columns means "the defaults"; no width, the column's own. */
export const DEFAULT_VIEW: StoredView = { columns: [], density: 'comfortable', widths: {} }
const DEFAULT_V1: z.infer<typeof StoredViewV1Schema> = { columns: [], density: 'comfortable' }

const current = storedPreference('sip-list-view', VERSION, StoredViewSchema, DEFAULT_VIEW)
const previous = storedPreference('sip-list-view', 1, StoredViewV1Schema, DEFAULT_V1)
let migrated: { from: z.infer<typeof StoredViewV1Schema>; view: StoredView } | undefined

/** The stored view; a view saved by the previous version (no widths) until the first change. */
function readView(): StoredView {
  const view = current.read()
  if (view !== DEFAULT_VIEW) return view
  const old = previous.read()
  if (old === DEFAULT_V1) return view
  // Same old object → same view object: useSyncExternalStore needs a stable snapshot.
  if (migrated?.from !== old) migrated = { from: old, view: { ...old, widths: {} } }
  return migrated.view
}

export const listViewPreference = {
  read: readView,
  write: (view: StoredView) => current.write(view),
  subscribe: (onChange: () => void) => {
    const stop = [current.subscribe(onChange), previous.subscribe(onChange)]
    return () => stop.forEach((unsubscribe) => unsubscribe())
  },
}

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

/** The widths stay as they are unless given: the column chooser changes order and visibility only. */
export function toStored(
  choices: readonly ColumnChoice[],
  density: Density,
  widths: ColumnWidths = listViewPreference.read().widths,
): StoredView {
  return { columns: choices.map(({ spec, visible }) => ({ id: spec.id, visible })), density, widths }
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
