import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { HTTPS_ONLY_HEADERS, SECURITY_HEADERS } from '../../security-headers.ts'
import viteConfig from '../../vite.config.ts'

const read = (path: string): string => readFileSync(new URL(`../../deploy/${path}`, import.meta.url), 'utf8')
const nginx = read('nginx.conf')
/** The config without comments, so a rule in a comment never counts. */
const rules = nginx.replace(/#[^\n]*/g, '')

/** The directives directly inside the block that starts at `header` (nested blocks excluded). */
function block(header: RegExp): { own: string; whole: string } {
  const match = header.exec(rules)
  if (!match) throw new Error(`nginx.conf has no block ${String(header)}`)
  let depth = 0
  let own = ''
  const start = match.index + match[0].length
  for (let i = start; i < rules.length; i++) {
    const char = rules[i]
    if (char === '{') depth++
    else if (char === '}') {
      if (depth === 0) return { own, whole: rules.slice(start, i) }
      depth--
    } else if (depth === 0) own += char
  }
  throw new Error(`unclosed block ${String(header)}`)
}

function servers(): string[] {
  return rules.split(/^server\s*\{/m).slice(1)
}

// The nginx example and vite preview must send the same headers; this keeps them from drifting.
// The one intended difference: HSTS is nginx's only (preview serves plain HTTP on 127.0.0.1).
test('the nginx snippet sends exactly the headers vite preview sends, plus HSTS', () => {
  const snippet = read('security-headers.conf')
  const sent = Object.fromEntries([...snippet.matchAll(/^add_header (\S+) "([^"]*)" always;$/gm)].map((match) => [match[1], match[2]]))
  expect(sent).toEqual({ ...SECURITY_HEADERS, ...HTTPS_ONLY_HEADERS })
  expect(viteConfig.preview?.headers).toEqual(SECURITY_HEADERS)
  expect(Object.keys(SECURITY_HEADERS)).not.toContain('Strict-Transport-Security')
})

test('HSTS lasts at least a year and covers subdomains', () => {
  const hsts = HTTPS_ONLY_HEADERS['Strict-Transport-Security'] ?? ''
  expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000)
  expect(hsts).toContain('includeSubDomains')
})

test('the CSP allows no inline script and no framing; no Referer leaves the page', () => {
  const csp = SECURITY_HEADERS['Content-Security-Policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).toContain("frame-ancestors 'none'")
  // Decision 028: nothing the page loads or links to learns its URL.
  expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer')
})

test('every location that answers includes the security headers snippet', () => {
  for (const header of [/location \/assets\/ \{/, /location \/api\/ \{/, /location \/ \{/, /location ~\* \\\.map\$ \{/]) {
    expect(block(header).own).toContain('include /etc/nginx/snippets/telecomx-security-headers.conf;')
  }
})

test('the /api/ proxy verifies the upstream certificate against a CA bundle, with the API’s name as SNI', () => {
  const api = block(/location \/api\/ \{/).own
  expect(api).toMatch(/proxy_pass https:\/\/api\.telecomx\.dk\/;/)
  expect(api).toMatch(/^\s*proxy_ssl_verify on;/m)
  expect(api).toMatch(/^\s*proxy_ssl_trusted_certificate \/etc\/ssl\/certs\/ca-certificates\.crt;/m)
  expect(api).toMatch(/^\s*proxy_ssl_server_name on;/m)
  expect(api).toMatch(/^\s*proxy_ssl_name api\.telecomx\.dk;/m)
  expect(api).toMatch(/add_header Cache-Control "no-store" always;/)
  // Nothing turns verification off again further in (a nested location inherits these).
  expect(rules).not.toMatch(/proxy_ssl_verify off/)
})

test('plain HTTP only redirects to HTTPS on the configured name', () => {
  const plain = servers().filter((server) => /listen 80;/.test(server))
  expect(plain).toHaveLength(1)
  expect(plain[0]).toMatch(/return 301 https:\/\/\$server_name\$request_uri;/)
  expect(plain[0]).not.toMatch(/location|proxy_pass|root /)
  // Every other server block is HTTPS only.
  for (const server of servers().filter((s) => !plain.includes(s))) {
    expect(server).toMatch(/listen 443 ssl;/)
    expect(server).not.toMatch(/listen 80\b/)
  }
})

test('source maps stay off the public path: built hidden, answered 404 by nginx', () => {
  expect(viteConfig.build?.sourcemap).toBe('hidden')
  const maps = block(/location ~\* \\\.map\$ \{/).own
  expect(maps).toMatch(/return 404;/)
})

test('access logs never hold a query string (validateToken’s ?token=): a path-only format, and none at all for validateToken', () => {
  const format = /log_format telecomx_no_query ((?:'[^']*'\s*)+);/.exec(rules)?.[1] ?? ''
  expect(format).toContain('$uri')
  for (const variable of ['$request ', '$request"', '$request_uri', '$args', '$query_string', '$arg_', '$is_args']) {
    expect(format).not.toContain(variable)
  }
  // Every access_log in the file uses that format (or is off): none falls back to nginx's
  // "combined", which logs $request with its query string.
  const accessLogs = [...rules.matchAll(/access_log ([^;]+);/g)].map((match) => match[1] ?? '')
  expect(accessLogs.length).toBeGreaterThanOrEqual(3)
  for (const target of accessLogs) expect(target === 'off' || target.endsWith(' telecomx_no_query')).toBe(true)
  for (const server of servers()) expect(server).toMatch(/access_log \S+ telecomx_no_query;/)

  const validate = block(/location = \/api\/auth\/validateToken \{/)
  expect(validate.own).toMatch(/^\s*access_log off;/m)
  // Error-log lines quote the request line, query string included: only crit ones are written here.
  expect(validate.own).toMatch(/^\s*error_log \S+ crit;/m)
  expect(validate.own).toMatch(/proxy_pass https:\/\/api\.telecomx\.dk\/auth\/validateToken;/)
  // Nested in /api/, so it inherits the upstream verification and the headers (no add_header of its own).
  expect(block(/location \/api\/ \{/).whole).toContain('location = /api/auth/validateToken')
  expect(validate.own).not.toContain('add_header')
  expect(validate.own).not.toContain('proxy_ssl')
})
