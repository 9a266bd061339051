import { screen, waitFor, within } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { DEMO_ACCOUNT_IDS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { dataRows, findRows, renderApp, rewriteSipRows } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const PRIMARY = DEMO_ACCOUNT_IDS.primaryTrunk
/** No spaces: only overflow-wrap:anywhere can wrap it. */
const LONG_NAME = 'Ø'.repeat(10_000)
const HEX_ID = /[0-9a-f]{24}/i
/** The codes with an underscore ("IP" alone is also a word of the explanation). */
const ENUM_CODE = /\b(IP_AUTH|IP_AUTH_REG|COUNTRY_AUTH_REG)\b/

function fieldValue(dialog: HTMLElement, section: string, label: string): HTMLElement {
  const dt = within(within(dialog).getByRole('region', { name: section })).getByText(label, { selector: 'dt' })
  const dd = dt.nextElementSibling
  if (!(dd instanceof HTMLElement)) throw new Error(`no value for ${label}`)
  return dd
}

test('a 10,000-character name: the title is clamped with the full name on hover, the body shows it whole', async () => {
  api.server.use(rewriteSipRows(api, (rows) => rows.map((row) => (row._id === PRIMARY ? { ...row, name: LONG_NAME } : row))))
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Hovedtrunk' })
  await findRows()
  await user.click(dataRows()[0] as HTMLElement)
  const dialog = await screen.findByRole('dialog', { name: LONG_NAME })
  const heading = within(dialog).getByRole('heading', { level: 2 })
  expect(heading).toHaveClass('line-clamp-2')
  expect(heading).toHaveAttribute('title', LONG_NAME)
  await waitFor(() => expect(fieldValue(dialog, 'Overview', 'Name')).toHaveTextContent(LONG_NAME))
  // The way out stays in the header, not after the name.
  const header = heading.closest('.drawer-header')
  expect(header).not.toBeNull()
  for (const name of ['Close', 'Previous account', 'Next account']) {
    expect(header).toContainElement(within(dialog).getByRole('button', { name }))
  }
})

test('no raw ObjectId in the drawer: rate plans, customers and the parent account show names or a labelled short form', async () => {
  let ratePlanName: string | undefined
  let otherPlan: { id: string; name: string } | undefined
  let parent: { id: string; name: string } | undefined
  api.server.use(
    rewriteSipRows(api, (rows) => {
      const primary = rows.find((row) => row._id === PRIMARY)
      if (typeof primary?.ratePlanName === 'string') ratePlanName = primary.ratePlanName
      for (const row of rows) {
        if (!otherPlan && typeof row.ratePlan === 'string' && typeof row.ratePlanName === 'string' && row.ratePlan !== primary?.ratePlan) {
          otherPlan = { id: row.ratePlan, name: row.ratePlanName }
        }
        if (!parent && row._id !== PRIMARY && typeof row._id === 'string' && typeof row.name === 'string')
          parent = { id: row._id, name: row.name }
      }
      // The full object (full=true) gets every id field a real account may carry.
      return rows.map((row) =>
        row._id === PRIMARY && 'customer' in row
          ? { ...row, newRatePlan: otherPlan?.id, parentSipAccount: parent?.id, billingCustomer: 'fedcba9876543210fedcba98' }
          : row,
      )
    }),
  )
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  const row = rows.find((r) => r.dataset.rowId === PRIMARY) ?? rows.find((r) => r.textContent?.includes('Hovedtrunk København'))
  await user.click(row as HTMLElement)
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' })
  await within(dialog).findByText('77.66.100.10')
  expect(ratePlanName).toBeDefined()
  expect(fieldValue(dialog, 'Billing', 'Rate plan')).toHaveTextContent(ratePlanName ?? '?')
  expect(fieldValue(dialog, 'Billing', 'New rate plan from next month')).toHaveTextContent(otherPlan?.name ?? '?')
  expect(fieldValue(dialog, 'Billing', 'Parent SIP account')).toHaveTextContent(parent?.name ?? '?')
  // A customer this user cannot look up: a labelled short form, the full id on hover.
  const billing = fieldValue(dialog, 'Billing', 'Billing customer')
  expect(billing).toHaveTextContent(/ID …[0-9a-f]{6}/)
  expect(billing.querySelector('[title="fedcba9876543210fedcba98"]')).not.toBeNull()
  expect(fieldValue(dialog, 'Overview', 'Customer')).toHaveTextContent('Fjordvej')
  await waitFor(() => expect(dialog.textContent).not.toMatch(HEX_ID))

  // Enum codes only in a tooltip; the words are what is read.
  const connection = fieldValue(dialog, 'Connection', 'Connection type')
  expect(connection).toHaveTextContent('Fixed IP + auth + register')
  expect(connection.textContent).not.toMatch(ENUM_CODE)
  expect(connection.querySelector('[title*="IP_AUTH_REG"]')).not.toBeNull()
})

test('opened from a link (GET /sip/:id has only the rate plan id): no id is shown while the name loads, then the name', async () => {
  renderApp(api, { as: 'owner', url: `/?account=${PRIMARY}&offset=25&limit=25` })
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' })
  await within(dialog).findByText('77.66.100.10')
  expect(dialog.textContent).not.toMatch(HEX_ID)
  await within(dialog).findByRole('table', {}, { timeout: 5000 })
  expect(fieldValue(dialog, 'Billing', 'Rate plan').textContent).not.toMatch(/ID …/)
  expect(dialog.textContent).not.toMatch(HEX_ID)
})
