import { useSyncExternalStore } from 'react'
import * as z from 'zod/mini'
import { storedPreference } from '../../../lib/stored-preference.ts'
import type { SipColumn } from './sip-column-catalogue.tsx'

export const DENSITIES = ['comfortable', 'compact'] as const
export type Density = (typeof DENSITIES)[number]

/*
 * The table view a user chose: column order, which are shown, their widths, and row density.
 * Stored per browser under a versioned key (bump VERSION when the meaning of the stored shape
 * changes, and read the previous versions as a fallback). Column ids are plain strings on purpose:
 * a column that was removed or renamed since is dropped on read, a new one appears at its default
 * place, so a changed column set never breaks a stored view. A width is only a preference: the
 * table clamps it to the column's minimum and maximum.
 *
 * v1: columns + density. v2: + widths (px by column id). v3: a column's `visible` may be absent,
 * meaning "its default", which for the Customer column depends on the scope (decision 042); v1 and
 * v2 always wrote it, and their `customer: false` was only the old default, so it is read as absent.
 */
const VERSION = 3
const StoredColumnsV2Schema = z.array(z.object({ id: z.string().check(z.maxLength(40)), visible: z.boolean() })).check(z.maxLength(100))
const StoredColumnsSchema = z
  .array(z.object({ id: z.string().check(z.maxLength(40)), visible: z.optional(z.boolean()) }))
  .check(z.maxLength(100))
const WidthsSchema = z.record(z.string().check(z.maxLength(40)), z.number().check(z.gte(0), z.lte(5000)))
const StoredViewV1Schema = z.object({ columns: StoredColumnsV2Schema, density: z.enum(DENSITIES) })
const StoredViewV2Schema = z.object({ columns: StoredColumnsV2Schema, density: z.enum(DENSITIES), widths: WidthsSchema })
const StoredViewSchema = z.object({ columns: StoredColumnsSchema, density: z.enum(DENSITIES), widths: WidthsSchema })
export type StoredView = z.infer<typeof StoredViewSchema>
export type ColumnWidths = StoredView['widths']

/** No stored columns means "the defaults"; no width, the column's own. */
export const DEFAULT_VIEW: StoredView = { columns: [], density: 'comfortable', widths: {} }
const DEFAULT_V2: z.infer<typeof StoredViewV2Schema> = { columns: [], density: 'comfortable', widths: {} }
const DEFAULT_V1: z.infer<typeof StoredViewV1Schema> = { columns: [], density: 'comfortable' }

const current = storedPreference('sip-list-view', VERSION, StoredViewSchema, DEFAULT_VIEW)
const previous = [
  storedPreference('sip-list-view', 2, StoredViewV2Schema, DEFAULT_V2),
  storedPreference('sip-list-view', 1, StoredViewV1Schema, DEFAULT_V1),
] as const
let migrated: { from: object; view: StoredView } | undefined

/** Columns whose default is not a constant: an older version's `false` for them was that default. */
const SCOPE_DEFAULT_COLUMNS: ReadonlySet<string> = new Set(['customer'])

/** A view an older version stored, as v3 reads it. */
function fromOlder(old: z.infer<typeof StoredViewV1Schema>, widths: ColumnWidths): StoredView {
  // Left out, such a column takes its default place and visibility, as if never stored.
  const columns = old.columns.filter(({ id, visible }) => visible || !SCOPE_DEFAULT_COLUMNS.has(id))
  return { columns, density: old.density, widths }
}

/** The stored view; a view saved by a previous version until the first change. */
function readView(): StoredView {
  const view = current.read()
  if (view !== DEFAULT_VIEW) return view
  const [v2, v1] = previous
  const old2 = v2.read()
  if (old2 !== DEFAULT_V2) return migrate(old2, old2.widths)
  const old1 = v1.read()
  return old1 === DEFAULT_V1 ? view : migrate(old1, {})
}

function migrate(old: z.infer<typeof StoredViewV1Schema>, widths: ColumnWidths): StoredView {
  // Same old object → same view object: useSyncExternalStore needs a stable snapshot.
  if (migrated?.from !== old) migrated = { from: old, view: fromOlder(old, widths) }
  return migrated.view
}

export const listViewPreference = {
  read: readView,
  write: (view: StoredView) => current.write(view),
  subscribe: (onChange: () => void) => {
    const stop = [current.subscribe(onChange), ...previous.map((preference) => preference.subscribe(onChange))]
    return () => stop.forEach((unsubscribe) => unsubscribe())
  },
}

/** What a column's default visibility may depend on. */
export interface ViewContext {
  /** The rows may belong to several customers (the Customer column's default, decision 042). */
  severalCustomers: boolean
}

function defaultVisible(spec: SipColumn, context: ViewContext): boolean {
  return spec.defaultVisible === 'several-customers' ? context.severalCustomers : spec.defaultVisible
}

export interface ColumnChoice {
  spec: SipColumn
  visible: boolean
  /** Nobody chose: `visible` is the column's default here, and is not stored (it may differ elsewhere). */
  auto?: boolean
}

/**
 * The permitted columns in the user's order with their visibility. Stored ids that are unknown or
 * not permitted are dropped; a permitted column the stored view does not mention goes right after
 * its default predecessor, with its default visibility. At least one column is always visible.
 */
export function resolveColumns(stored: StoredView, permitted: readonly SipColumn[], context: ViewContext): ColumnChoice[] {
  const byId = new Map<string, SipColumn>(permitted.map((spec) => [spec.id, spec]))
  const choices: ColumnChoice[] = []
  for (const { id, visible } of stored.columns) {
    const spec = byId.get(id)
    if (!spec || choices.some((choice) => choice.spec === spec)) continue
    choices.push(visible === undefined ? { spec, visible: defaultVisible(spec, context), auto: true } : { spec, visible })
  }
  permitted.forEach((spec, index) => {
    if (choices.some((choice) => choice.spec === spec)) return
    const previous = permitted[index - 1]
    const at = previous ? choices.findIndex((choice) => choice.spec === previous) + 1 : 0
    choices.splice(at, 0, { spec, visible: defaultVisible(spec, context), auto: true })
  })
  if (!choices.some((choice) => choice.visible) && choices[0]) choices[0] = { ...choices[0], visible: true, auto: false }
  return choices
}

/**
 * The widths stay as they are unless given: the column chooser changes order and visibility only.
 * A column nobody chose is stored without `visible`, so it keeps following its default.
 */
export function toStored(
  choices: readonly ColumnChoice[],
  density: Density,
  widths: ColumnWidths = listViewPreference.read().widths,
): StoredView {
  return { columns: choices.map(({ spec, visible, auto }) => (auto ? { id: spec.id } : { id: spec.id, visible })), density, widths }
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
