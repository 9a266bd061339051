import { screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, rangeText, renderApp } from './render-app.tsx'

const api = setupReferenceApi()

test('smoke: a resumed owner sees rows', async () => {
  renderApp(api, { as: 'owner' })
  const rows = await findRows()
  expect(rows.length).toBeGreaterThan(0)
  expect(screen.getByRole('heading', { level: 1, name: 'SIP accounts' })).toBeInTheDocument()
  console.log(rangeText(), rows.length)
})
