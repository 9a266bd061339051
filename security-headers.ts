/**
 * Headers the built dashboard is served with (vite preview here, nginx in production; see
 * docs/security.md). The production build has no inline scripts, so the CSP needs no
 * 'unsafe-inline' for scripts; React sets styles through the CSSOM, which style-src allows.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
}

/**
 * Sent by nginx only (deploy/security-headers.conf): HSTS means something only over HTTPS, and
 * `vite preview` serves plain HTTP on 127.0.0.1 (browsers ignore the header there; a preview on
 * a real host name would pin it to HTTPS for two years). The drift test allows exactly this one
 * difference. Two years, subdomains included: the value hstspreload.org asks for.
 */
export const HTTPS_ONLY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
}
