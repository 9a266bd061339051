import type * as z from 'zod/mini'

/**
 * A preference remembered per browser in localStorage, under a versioned key and checked by a
 * schema on every read: a value written by an older dashboard (another column set, say) or by
 * hand falls back to the default instead of breaking the page.
 */
export interface StoredPreference<T> {
  read: () => T
  write: (value: T) => void
  clear: () => void
  subscribe: (onChange: () => void) => () => void
}

export function storedPreference<S extends z.ZodMiniType>(
  name: string,
  version: number,
  schema: S,
  fallback: z.infer<S>,
): StoredPreference<z.infer<S>> {
  const key = `telecomx:${name}:v${version}`
  const listeners = new Set<() => void>()
  let cache: { raw: string | null; value: z.infer<S> } | undefined

  function read(): z.infer<S> {
    const raw = safeGet(key)
    // Same raw string → same object, so useSyncExternalStore sees a stable snapshot.
    if (cache && cache.raw === raw) return cache.value
    let value = fallback
    if (raw !== null) {
      try {
        const parsed = schema.safeParse(JSON.parse(raw))
        if (parsed.success) value = parsed.data
      } catch {
        // Not JSON: keep the fallback.
      }
    }
    cache = { raw, value }
    return value
  }

  function notify() {
    for (const listener of listeners) listener()
  }

  return {
    read,
    write(value) {
      safeSet(key, JSON.stringify(value))
      notify()
    },
    clear() {
      safeRemove(key)
      notify()
    },
    subscribe(onChange) {
      listeners.add(onChange)
      const onStorage = (event: StorageEvent) => {
        if (event.key === key || event.key === null) onChange()
      }
      window.addEventListener('storage', onStorage)
      return () => {
        listeners.delete(onChange)
        window.removeEventListener('storage', onStorage)
      }
    },
  }
}

// Storage can throw (private mode, quota, disabled): preferences are a nicety, never a crash.
function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}
function safeSet(key: string, value: string) {
  try {
    localStorage.setItem(key, value)
  } catch {
    /* see above */
  }
}
function safeRemove(key: string) {
  try {
    localStorage.removeItem(key)
  } catch {
    /* see above */
  }
}
