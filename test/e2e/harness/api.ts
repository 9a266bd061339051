/*
 * Ground truth for the browser tests: the reference server asked directly (not through the
 * dashboard), so a test can compare what the user sees with what the API holds.
 */
import type * as z from 'zod/mini'
import { LoginResponseSchema, type LoginResponse } from '../../../src/api/auth.ts'
import { SipAccountFullSchema, SipAccountListSchema, type SipAccountFull, type SipAccountList } from '../../../src/api/sip-account.ts'
import { DEMO_USERS, type DemoUser, type DemoUserKey } from '../../../server/demo-users.ts'

export type Query = Record<string, string | number | boolean | undefined>

export class DirectApi {
  constructor(readonly baseUrl: string) {}

  url(path: string, query: Query = {}): string {
    const url = new URL(path, this.baseUrl)
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value))
    return url.href
  }

  async login(user: DemoUserKey): Promise<LoginResponse> {
    const demo: DemoUser = DEMO_USERS[user]
    const body: Record<string, string> = { username: demo.email, password: demo.password }
    if (demo.smsKey) body.smsKey = demo.smsKey
    if (demo.authenticatorToken) body.authenticatorToken = demo.authenticatorToken
    const response = await fetch(this.url('/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`login ${demo.email}: HTTP ${response.status} ${await response.text()}`)
    return LoginResponseSchema.parse(await response.json())
  }

  async getRaw(path: string, query: Query, token: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(this.url(path, query), { headers: { Authorization: `Bearer ${token}` } })
    const text = await response.text()
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null }
  }

  async get<S extends z.ZodMiniType>(path: string, query: Query, token: string, schema: S): Promise<z.infer<S>> {
    const { status, body } = await this.getRaw(path, query, token)
    if (status !== 200) throw new Error(`GET ${path}: HTTP ${status} ${JSON.stringify(body)}`)
    return schema.parse(body)
  }

  listSip(token: string, query: Query = {}): Promise<SipAccountList> {
    return this.get('/sip', query, token, SipAccountListSchema)
  }

  sipAccount(token: string, id: string): Promise<SipAccountFull> {
    return this.get(`/sip/${id}`, {}, token, SipAccountFullSchema)
  }

  /** Ends every token of the token's user (the API's "sign out everywhere"). */
  async logoutEverywhere(token: string): Promise<void> {
    const { status } = await this.getRaw('/auth/logout', {}, token)
    if (status !== 200) throw new Error(`logout: HTTP ${status}`)
  }
}
