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
 * Checks a token and, with extend=true, returns who it belongs to. The API documents the token to
 * check as the `token` query parameter (the reference server honours nothing else, decision 021),
 * so it goes there; the Authorization header is sent as well, like on every request. The URL is
 * only ever a fetch's: never the address bar, history or a Referer (decision 028).
 */
export function validateToken(token: string, signal?: AbortSignal): Promise<ValidateTokenResponse> {
  return getJson('/auth/validateToken', { token, extend: true }, ValidateTokenResponseSchema, { token, signal })
}

/** Ends every token of this user on every device (the API has no per-token logout). */
export async function logoutEverywhere(token: string): Promise<void> {
  await getJson('/auth/logout', {}, LogoutResponseSchema, { token })
}
