import type { AccessLevel } from './access-level.ts'

/**
 * Who is signed in, as login or validateToken described them. A plain type beside the contract:
 * the auth feature creates sessions, the app shell provides the current one, and the features
 * read it through the shell's context without importing the auth feature.
 */
export interface Session {
  token: string
  employee: string | null
  customer: string | null
  accessLevel: AccessLevel
  name: string | null
  customerName: string | null
  /** The user's language as the API gave it ("da", "en", …); the shell picks the page's language from it. */
  language: string | null
}
