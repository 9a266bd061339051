import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { sipAccessFor } from '../../../api/access-level.ts'
import { DataTable } from '../../../components/data-table.tsx'
import { exportColumnsFor } from '../export/export-columns.ts'
import type { SipAccountRow } from '../sip-account-api.ts'
import { permittedColumns, SIP_COLUMNS, sipTableColumns } from './sip-column-catalogue.tsx'

const ids = SIP_COLUMNS.map((column) => column.id)

test('the table’s header cells are the catalogue’s labels, widths and min widths, in the order asked for', () => {
  const order = [...ids].reverse()
  render(<DataTable label="SIP accounts" columns={sipTableColumns(order)} data={[]} getRowId={(row: SipAccountRow) => row._id} />)
  const headers = screen.getAllByRole('columnheader')
  expect(headers.map((th) => th.textContent)).toEqual(order.map((id) => SIP_COLUMNS.find((column) => column.id === id)?.label))
  const ip = headers.find((th) => th.textContent === 'IP address')
  expect(ip?.style.width).toBe('140px')
  expect(screen.getByRole('separator', { name: 'Resize IP address' })).toHaveAttribute('aria-valuemin', '120')
  const name = headers.find((th) => th.textContent === 'Name')
  expect(name?.style.width).toBe('280px')
  expect(screen.getByRole('separator', { name: 'Resize Name' })).toHaveAttribute('aria-valuemin', '120')
})

test('the role rules read the catalogue: notes for resellers and admins, the SIP server for admins only', () => {
  const offered = (level: Parameters<typeof sipAccessFor>[0]) => permittedColumns(sipAccessFor(level)).map((column) => column.id)
  expect(offered('VIEWER')).toEqual(ids.filter((id) => id !== 'notes' && id !== 'sipServer'))
  expect(offered('RESELLER')).toEqual(ids.filter((id) => id !== 'sipServer'))
  expect(offered('ADMIN')).toEqual(ids)
  // The same array for the same access, so the view's memo holds.
  expect(permittedColumns(sipAccessFor('OWNER'))).toBe(permittedColumns(sipAccessFor('VIEWER')))
})

test('export writes each column’s raw CSV value under its label (the customer as its id)', () => {
  const columns = exportColumnsFor(
    SIP_COLUMNS.filter((column) => ['name', 'status', 'connection', 'usageBlock', 'customer'].includes(column.id)),
  )
  // In catalogue order: Customer comes right after Name (decision 042).
  expect(columns.map((column) => column.header)).toEqual(['Name', 'Customer id', 'Status', 'Connection', 'Usage block'])
  const trunk: SipAccountRow = {
    _id: 'a'.repeat(24),
    name: 'Main',
    status: 'ON',
    connection: 'IP_AUTH',
    usageBlock: false,
    customer: 'c'.repeat(24),
  }
  const pbx: SipAccountRow = { _id: 'b'.repeat(24), pbx: 3 }
  expect(columns.map((column) => column.value(trunk))).toEqual(['Main', 'c'.repeat(24), 'ON', 'IP_AUTH', 'No'])
  expect(columns.map((column) => column.value(pbx))).toEqual(['', '', '', 'PBX (cluster 3)', ''])
})

test('full-only columns are those the condensed list lacks, and hidden until chosen (Customer: while the rows span several customers)', () => {
  const full = SIP_COLUMNS.filter((column) => column.full).map((column) => column.id)
  expect(full).toEqual(['customer', 'defaultNumber', 'contact', 'userAgent', 'notes', 'sipServer'])
  expect(SIP_COLUMNS.filter((column) => column.defaultVisible === true).map((column) => column.id)).toEqual(
    ids.filter((id) => !full.includes(id)),
  )
  expect(SIP_COLUMNS.filter((column) => column.defaultVisible === 'several-customers').map((column) => column.id)).toEqual(['customer'])
  expect(new Set(ids).size).toBe(ids.length)
})
