import { expect, test } from 'vitest'
import { ACCESS_LEVELS, ReceivedAccessLevelSchema, redactSipAccount, sipAccessFor } from './access-level.ts'

test('notes are for RESELLER, RESELLER_ADMIN and ADMIN; sipServer for ADMIN only', () => {
  const matrix = Object.fromEntries(ACCESS_LEVELS.map((level) => [level, sipAccessFor(level)]))
  expect(matrix).toEqual({
    NO_LOGIN: { sipAccounts: false, scope: false, notes: false, sipServer: false },
    PERSONAL: { sipAccounts: false, scope: false, notes: false, sipServer: false },
    VIEWER: { sipAccounts: true, scope: false, notes: false, sipServer: false },
    MANAGER: { sipAccounts: true, scope: false, notes: false, sipServer: false },
    OWNER: { sipAccounts: true, scope: false, notes: false, sipServer: false },
    RESELLER: { sipAccounts: true, scope: true, notes: true, sipServer: false },
    RESELLER_ADMIN: { sipAccounts: true, scope: true, notes: true, sipServer: false },
    ADMIN: { sipAccounts: true, scope: true, notes: true, sipServer: true },
  })
})

test('an unknown access level is read as the least access', () => {
  expect(ReceivedAccessLevelSchema.parse('SUPER_USER')).toBe('NO_LOGIN')
  expect(ReceivedAccessLevelSchema.parse('ADMIN')).toBe('ADMIN')
})

test('redaction removes exactly the fields the level may not see', () => {
  const account = { _id: 'a', name: 'n', notes: 'secret note', sipServer: '10.0.0.1' }
  expect(redactSipAccount(account, 'VIEWER')).toEqual({ _id: 'a', name: 'n' })
  expect(redactSipAccount(account, 'RESELLER')).toEqual({ _id: 'a', name: 'n', notes: 'secret note' })
  expect(redactSipAccount(account, 'ADMIN')).toBe(account)
})
