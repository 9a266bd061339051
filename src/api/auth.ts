import * as z from 'zod/mini'
import { ReceivedAccessLevelSchema } from './access-level.ts'
import { IdSchema } from './ids.ts'

export const LoginRequestSchema = z.object({
  username: z.string().check(z.minLength(1), z.maxLength(320)),
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
  smsKey: z.optional(z.string().check(z.maxLength(64))),
  authenticatorToken: z.optional(z.string().check(z.maxLength(64))),
  cookie: z.optional(z.boolean()),
  persist: z.optional(z.boolean()),
})
export type LoginRequest = z.infer<typeof LoginRequestSchema>

export const LoginResponseSchema = z.looseObject({
  token: z.string().check(z.minLength(1)),
  /** 15 by default, -1 when the token was made with persist. */
  expiresInMinutes: z.number(),
  employee: IdSchema,
  customer: IdSchema,
  accessLevel: ReceivedAccessLevelSchema,
  name: z.nullish(z.string()),
  language: z.nullish(z.string()),
  customerName: z.nullish(z.string()),
  customerFeatures: z.nullish(z.array(z.string())),
  customerIntegrations: z.nullish(z.array(z.unknown())),
})
export type LoginResponse = z.infer<typeof LoginResponseSchema>

/** GET /auth/validateToken?token=…&extend=true */
export const ValidateTokenResponseSchema = z.looseObject({
  success: z.boolean(),
  employee: z.nullish(IdSchema),
  customer: z.nullish(IdSchema),
  accessLevel: z.nullish(ReceivedAccessLevelSchema),
  name: z.nullish(z.string()),
  language: z.nullish(z.string()),
  customerName: z.nullish(z.string()),
  customerFeatures: z.nullish(z.array(z.string())),
})
export type ValidateTokenResponse = z.infer<typeof ValidateTokenResponseSchema>

/** GET /auth/logout answers with a small object; its content is not documented. */
export const LogoutResponseSchema = z.looseObject({})

/** Error codes of login that ask for a second factor (reference server Decision). */
export const SECOND_FACTOR_CODES = ['smsKey', 'authenticatorToken'] as const
export type SecondFactor = (typeof SECOND_FACTOR_CODES)[number]

/**
 * The dashboard treats any login error whose code or message mentions sms or authenticator
 * as "ask for that code and resend" (see the API reference's Decision).
 */
export function secondFactorOf(code: string, message: string): SecondFactor | null {
  const text = `${code} ${message}`.toLowerCase()
  if (text.includes('authenticator') || text.includes('totp')) return 'authenticatorToken'
  if (text.includes('sms')) return 'smsKey'
  return null
}
