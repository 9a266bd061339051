import { expect, test } from 'vitest'
import { documentedFullExample, documentedNormalExample } from '../../test/fixtures/documented-examples.ts'
import {
  SipAccountCondensedExtrasSchema,
  SipAccountFullListSchema,
  SipAccountFullRowsSchema,
  SipAccountListSchema,
  isPbxTrunk,
} from './sip-account.ts'

test('the documented normal example parses', () => {
  const list = SipAccountListSchema.parse(documentedNormalExample)
  expect(list.total).toBe(123)
  expect(list.sipAccounts[0]?.numbers).toContain('+4580808080')
})

test('the documented full=true example parses, nulls included', () => {
  const list = SipAccountFullListSchema.parse(documentedFullExample)
  const account = list.sipAccounts[0]
  expect(account?.password).toBe('eh378gi2ufvhghug')
  expect(account?.newRatePlan).toBeNull()
  expect(account?.sipServer).toBe('1.2.3.4')
})

test('properties holding no value may be omitted or null', () => {
  const omitted = SipAccountListSchema.parse({ offset: 0, limit: 1, total: 1, sipAccounts: [{ _id: 'aaaaaaaaaaaaaaaaaaaaaaaa' }] })
  expect(omitted.sipAccounts[0]?.status).toBeUndefined()
  const nulled = SipAccountListSchema.parse({
    offset: 0,
    limit: 1,
    total: 1,
    sipAccounts: [{ _id: 'aaaaaaaaaaaaaaaaaaaaaaaa', status: null, numbers: null, pbx: null }],
  })
  expect(nulled.sipAccounts[0]?.status).toBeNull()
})

test('a PBX trunk without connection fields parses and is recognised', () => {
  const list = SipAccountFullListSchema.parse({
    offset: 0,
    limit: 1,
    total: 1,
    sipAccounts: [{ _id: 'bbbbbbbbbbbbbbbbbbbbbbbb', name: 'Hosted PBX', pbx: 3, numbers: ['+4533333333'], active: true }],
  })
  const account = list.sipAccounts[0]
  expect(account && isPbxTrunk(account)).toBe(true)
  expect(account?.connection).toBeUndefined()
})

test('an unknown extra property is kept, not rejected', () => {
  const list = SipAccountListSchema.parse({
    offset: 0,
    limit: 1,
    total: 1,
    sipAccounts: [{ _id: 'cccccccccccccccccccccccc', brandNewField: { nested: 1 } }],
  })
  expect(list.sipAccounts[0]).toMatchObject({ brandNewField: { nested: 1 } })
})

test('a wrong type is rejected with the field path', () => {
  const result = SipAccountListSchema.safeParse({
    offset: 0,
    limit: 1,
    total: 1,
    sipAccounts: [{ _id: 'cccccccccccccccccccccccc' }, { _id: 'dddddddddddddddddddddddd', status: 'MAYBE' }],
  })
  expect(result.success).toBe(false)
  expect(result.error?.issues[0]?.path).toEqual(['sipAccounts', 1, 'status'])
})

test('an id that is not 24 hex characters is rejected', () => {
  const result = SipAccountListSchema.safeParse({ offset: 0, limit: 1, total: 1, sipAccounts: [{ _id: 'nope' }] })
  expect(result.success).toBe(false)
  expect(result.error?.issues[0]?.path).toEqual(['sipAccounts', 0, '_id'])
})

test("the list's reading of full=true: every field the table shows, checked; never the password, nor a property nothing shows", () => {
  const list = SipAccountFullRowsSchema.parse({
    ...documentedFullExample,
    sipAccounts: documentedFullExample.sipAccounts.map((account) => ({ ...account, brandNewField: 1 })),
  })
  const row = list.sipAccounts[0]
  expect(row?.sipServer).toBe('1.2.3.4')
  expect(row?.newRatePlan).toBeNull()
  expect(row && 'password' in row).toBe(false)
  expect(row && 'brandNewField' in row).toBe(false)

  const bad = SipAccountFullRowsSchema.safeParse({
    offset: 0,
    limit: 1,
    total: 1,
    sipAccounts: [{ _id: 'dddddddddddddddddddddddd', port: 'x' }],
  })
  expect(bad.error?.issues[0]?.path).toEqual(['sipAccounts', 0, 'port'])
})

test('the condensed page joined to full=true is read only for what full=true lacks: rate plan name and voice usage', () => {
  const list = SipAccountCondensedExtrasSchema.parse(documentedNormalExample)
  const row = list.sipAccounts[0]
  expect(row && Object.keys(row).sort()).toEqual(
    ['_id', 'ratePlanName', 'voiceUsage'].filter((key) => key in (documentedNormalExample.sipAccounts[0] ?? {})),
  )
  // What it does read is still checked.
  const bad = SipAccountCondensedExtrasSchema.safeParse({
    offset: 0,
    limit: 1,
    total: 1,
    sipAccounts: [{ _id: 'dddddddddddddddddddddddd', voiceUsage: [{ date: 5 }] }],
  })
  expect(bad.error?.issues[0]?.path).toEqual(['sipAccounts', 0, 'voiceUsage'])
})
