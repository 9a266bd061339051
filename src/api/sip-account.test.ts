import { expect, test } from 'vitest'
import { documentedFullExample, documentedNormalExample } from '../../test/fixtures/documented-examples.ts'
import { SipAccountFullListSchema, SipAccountListSchema, isPbxTrunk } from './sip-account.ts'

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
