import { isApiError } from '../../api/api-error.ts'
import type { SecondFactor } from '../../api/auth.ts'
import type { SignedOutReason } from './session-store.ts'

export const REASON_MESSAGES: Record<SignedOutReason, string | null> = {
  initial: null,
  'signed-out': 'You are signed out.',
  expired: 'Your session has ended. Sign in again to continue where you left off.',
  everywhere: 'You are signed out on all your devices.',
}

export const FACTOR_PROMPTS: Record<SecondFactor, string> = {
  smsKey: 'Enter the code we sent to your phone by SMS.',
  authenticatorToken: 'Enter the code from your authenticator app.',
}

/** One clear sentence per kind of failure; the API's own message only as a last resort. */
export function signInErrorMessage(error: unknown, step: 'password' | 'code' | 'token'): string {
  if (!isApiError(error)) return 'Sign-in failed. Try again.'
  if (error.kind === 'network') return 'Cannot reach the Telecom X API. Check your connection and try again.'
  if (error.status === 429) return 'Too many sign-in attempts. Wait a minute, then try again.'
  if (error.status === 401 || error.status === 403) {
    if (step === 'code') return 'That code is not correct. Check it and try again.'
    if (step === 'token') return 'That API token is not valid or has expired.'
    return 'Wrong email or password.'
  }
  if (error.kind === 'contract') return error.message
  if (error.status >= 500) return 'The Telecom X API had a problem. Try again in a moment.'
  return error.message
}

/** Why "Sign out everywhere" failed (a 401 never gets here: it ends the session instead). */
export function signOutErrorMessage(error: unknown): string {
  if (!isApiError(error)) return 'Signing out everywhere failed. Try again.'
  if (error.kind === 'network') return 'Cannot reach the Telecom X API. Check your connection and try again.'
  if (error.status >= 500) return 'The Telecom X API had a problem. Try again in a moment.'
  return error.message
}
