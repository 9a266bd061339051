import type { AccessLevel } from '../api/access-level.ts'

const LEVEL_NAMES: Record<AccessLevel, string> = {
  NO_LOGIN: 'No login',
  PERSONAL: 'Personal',
  VIEWER: 'Viewer',
  MANAGER: 'Manager',
  OWNER: 'Owner',
  RESELLER: 'Reseller',
  RESELLER_ADMIN: 'Reseller admin',
  ADMIN: 'Admin',
}

/** How an access level reads on screen (the header badge, the no-access message). */
export function accessLevelName(level: AccessLevel): string {
  return LEVEL_NAMES[level]
}
