import * as z from 'zod/mini'

/** Lowest first, as in the API reference; nobody can grant a level above their own. */
export const ACCESS_LEVELS = ['NO_LOGIN', 'PERSONAL', 'VIEWER', 'MANAGER', 'OWNER', 'RESELLER', 'RESELLER_ADMIN', 'ADMIN'] as const

export const AccessLevelSchema = z.enum(ACCESS_LEVELS)
export type AccessLevel = z.infer<typeof AccessLevelSchema>

/**
 * An access level as it arrives from the API. A level this dashboard does not know
 * becomes NO_LOGIN, the least access, instead of failing the whole response.
 */
export const ReceivedAccessLevelSchema = z.catch(AccessLevelSchema, 'NO_LOGIN')

/** Fields of a SIP account that not every access level may see. */
export type RestrictedSipField = 'notes' | 'sipServer'

export interface SipAccess {
  /** May list and open SIP accounts at all (PERSONAL and NO_LOGIN may not). */
  sipAccounts: boolean
  /** May scope the list to other customers / resellers (customer and reseller pickers). */
  scope: boolean
  notes: boolean
  sipServer: boolean
}

/**
 * The one place that decides what each access level may see. The reference server, the table,
 * the drawer, the search hint, export and copy all ask this function.
 */
export function sipAccessFor(level: AccessLevel): SipAccess {
  switch (level) {
    case 'ADMIN':
      return { sipAccounts: true, scope: true, notes: true, sipServer: true }
    case 'RESELLER':
    case 'RESELLER_ADMIN':
      return { sipAccounts: true, scope: true, notes: true, sipServer: false }
    case 'VIEWER':
    case 'MANAGER':
    case 'OWNER':
      return { sipAccounts: true, scope: false, notes: false, sipServer: false }
    case 'PERSONAL':
    case 'NO_LOGIN':
      return { sipAccounts: false, scope: false, notes: false, sipServer: false }
  }
}

export function hiddenSipFields(level: AccessLevel): RestrictedSipField[] {
  const access = sipAccessFor(level)
  const hidden: RestrictedSipField[] = []
  if (!access.notes) hidden.push('notes')
  if (!access.sipServer) hidden.push('sipServer')
  return hidden
}

/**
 * Returns a copy of the account without the fields the level may not see. Used by the server
 * before it answers and by the dashboard right after parsing, so a field never reaches the
 * cache or the DOM even if an API returns it.
 */
export function redactSipAccount<T extends object>(account: T, level: AccessLevel): T {
  const hidden = hiddenSipFields(level)
  if (!hidden.some((field) => field in account)) return account
  const copy = { ...account }
  for (const field of hidden) Reflect.deleteProperty(copy, field)
  return copy
}
