import * as React from 'react'

/*
 * React's development build records, for every element it creates, an Error (its "owner stack",
 * up to 10 frames) and a console.createTask: about a tenth of a whole-app test's CPU time (profiled).
 * They only add detail to React's own warnings. React itself stops recording after 10,000 elements
 * in a second and uses a shared "unknown owner" stack instead; this makes that limit always
 * reached. Everything else of the development build (its checks and warnings, which fail a test
 * through console.error) stays. REACT_OWNER_STACKS=1 records them again, for reading a warning.
 */
export function skipOwnerStacks(): void {
  if (process.env.REACT_OWNER_STACKS === '1') return
  const internals: unknown = Reflect.get(React, '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE')
  if (typeof internals !== 'object' || internals === null || !('recentlyCreatedOwnerStacks' in internals)) return
  Object.defineProperty(internals, 'recentlyCreatedOwnerStacks', {
    get: () => Number.MAX_SAFE_INTEGER,
    set: () => {},
    configurable: true,
  })
}
