import { getJson, postJson } from '../../api/http.ts'
import {
  LoginResponseSchema,
  LogoutResponseSchema,
  ValidateTokenResponseSchema,
  type LoginRequest,
  type LoginResponse,
  type ValidateTokenResponse,
} from '../../api/auth.ts'

/** POST only: the API's GET form of login would put the password in a URL. */
export function login(request: LoginRequest): Promise<LoginResponse> {
  return postJson('/auth/login', request, LoginResponseSchema)
}

/**
 * Checks a token and, with extend=true, returns who it belongs to. The token goes in the
 * Authorization header like everywhere else, never in the query string (the docs' `?token=`
 * form would leak it into logs and history).
 */
export function validateToken(token: string, signal?: AbortSignal): Promise<ValidateTokenResponse> {
  return getJson('/auth/validateToken', { extend: true }, ValidateTokenResponseSchema, { token, signal })
}

/** Ends every token of this user on every device (the API has no per-token logout). */
export async function logoutEverywhere(token: string): Promise<void> {
  await getJson('/auth/logout', {}, LogoutResponseSchema, { token })
}
