import type { AccessLevel } from '../api/access-level.ts'
import { msg, type MessageKey } from './i18n.ts'

const LEVEL_NAMES: Record<AccessLevel, MessageKey> = {
  NO_LOGIN: msg('No login'),
  PERSONAL: msg('Personal'),
  VIEWER: msg('Viewer'),
  MANAGER: msg('Manager'),
  OWNER: msg('Owner'),
  RESELLER: msg('Reseller'),
  RESELLER_ADMIN: msg('Reseller admin'),
  ADMIN: msg('Admin'),
}

/**
 * How an access level reads on screen (the header badge, the no-access message): a message key,
 * translated where it is shown, `t(accessLevelName(level))`.
 */
export function accessLevelName(level: AccessLevel): MessageKey {
  return LEVEL_NAMES[level]
}
