import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { SECURITY_HEADERS } from '../../security-headers.ts'

// The nginx example and vite preview must send the same headers; this keeps them from drifting.
test('the nginx snippet sends exactly the headers vite preview sends', () => {
  const snippet = readFileSync(new URL('../../deploy/security-headers.conf', import.meta.url), 'utf8')
  const sent = Object.fromEntries(
    [...snippet.matchAll(/^add_header (\S+) "([^"]*)" always;$/gm)].map((match) => [match[1], match[2]]),
  )
  expect(sent).toEqual(SECURITY_HEADERS)
})

test('the CSP allows no inline script and no framing', () => {
  const csp = SECURITY_HEADERS['Content-Security-Policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).toContain("frame-ancestors 'none'")
})
