import { isApiError } from '../../api/api-error.ts'
import type { SecondFactor } from '../../api/auth.ts'
import { apiErrorText } from '../../lib/error-text.ts'
import { msg, type MessageKey, type Translate } from '../../lib/i18n.ts'
import type { SignedOutReason } from './session-store.ts'

/** Message keys: translated where they are shown. */
export const REASON_MESSAGES: Record<SignedOutReason, MessageKey | null> = {
  initial: null,
  'signed-out': msg('You are signed out.'),
  expired: msg('Your session has ended. Sign in again to continue where you left off.'),
  everywhere: msg('You are signed out on all your devices.'),
}

export const FACTOR_PROMPTS: Record<SecondFactor, MessageKey> = {
  smsKey: msg('Enter the code we sent to your phone by SMS.'),
  authenticatorToken: msg('Enter the code from your authenticator app.'),
}

/** One clear sentence per kind of failure; the API's own message only as a last resort. */
export function signInErrorMessage(error: unknown, step: 'password' | 'code' | 'token', t: Translate): string {
  if (!isApiError(error)) return t('Sign-in failed. Try again.')
  if (error.kind === 'network') return t('Cannot reach the Telecom X API. Check your connection and try again.')
  if (error.status === 429) return t('Too many sign-in attempts. Wait a minute, then try again.')
  if (error.status === 401 || error.status === 403) {
    if (step === 'code') return t('That code is not correct. Check it and try again.')
    if (step === 'token') return t('That API token is not valid or has expired.')
    return t('Wrong email or password.')
  }
  if (error.kind === 'contract') return apiErrorText(error, t)
  if (error.status >= 500) return t('The Telecom X API had a problem. Try again in a moment.')
  return apiErrorText(error, t)
}

/** Why "Sign out everywhere" failed (a 401 never gets here: it ends the session instead). */
export function signOutErrorMessage(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t('Signing out everywhere failed. Try again.')
  if (error.kind === 'network') return t('Cannot reach the Telecom X API. Check your connection and try again.')
  if (error.status >= 500) return t('The Telecom X API had a problem. Try again in a moment.')
  return apiErrorText(error, t)
}
