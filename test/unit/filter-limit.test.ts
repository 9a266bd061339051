import { expect, test } from 'vitest'
import { FILTER_MAX_LENGTH } from '../../src/api/sip-account.ts'
import { parseListSearch } from '../../src/features/sip-accounts/list/list-params.ts'
import { t } from '../../src/lib/i18n.ts'
import { createTestServer, errorCode } from '../../server/test-support.ts'

const api = createTestServer({ accounts: 20 })

test('the dashboard cuts a linked search to exactly the longest filter the reference server accepts', async () => {
  const token = api.tokenFor('viewer')
  const { params, notices } = parseListSearch(`?filter=${'x'.repeat(FILTER_MAX_LENGTH + 50)}`)
  expect(params.filter).toHaveLength(FILTER_MAX_LENGTH)
  expect(notices.map((notice) => t(notice.key, notice.values))).toEqual([`The search was shortened to ${FILTER_MAX_LENGTH} characters.`])

  const sent = await api.get(`/sip?filter=${params.filter ?? ''}`, token)
  expect(sent.status).toBe(200)
  const longer = await api.get(`/sip?filter=${params.filter ?? ''}x`, token)
  expect([longer.status, errorCode(longer)]).toEqual([400, 'filter'])
  const customers = await api.get(`/customer?filter=${params.filter ?? ''}x`, api.tokenFor('admin'))
  expect([customers.status, errorCode(customers)]).toEqual([400, 'filter'])
})
