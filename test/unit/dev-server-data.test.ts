import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, expect, test } from 'vitest'

/*
 * `npm start` runs Vite's dev server with the repository as its root, and the reference server's
 * database lives in data/ (every SIP password and password hash). Vite serves any file under its
 * root, so without vite.config.ts's fs.deny, GET /data/telecomx.sqlite handed it to anyone who
 * could reach the port. These tests start the real config and ask for such files every way Vite
 * answers: by path, by /@fs/ and as a ?raw / ?import module.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CONFIG = join(ROOT, 'vite.config.ts')
const SQLITE_MAGIC = 'SQLite format 3\u0000'
// Unique names, so nobody else's data/ files are touched; removed afterwards.
const stem = `dev-server-test-${process.pid}`
const dbFile = join(ROOT, 'data', `${stem}.sqlite`)
const otherFile = join(ROOT, 'data', `${stem}.txt`)
const SECRET = `secret-${stem}`

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

let dev: ViteDevServer | undefined
let devUrl = ''
let previewServer: PreviewServer | undefined
let previewUrl = ''
let distDir = ''

beforeAll(async () => {
  mkdirSync(join(ROOT, 'data'), { recursive: true })
  writeFileSync(dbFile, `${SQLITE_MAGIC}${SECRET}`)
  writeFileSync(otherFile, SECRET)

  const devPort = await freePort()
  dev = await createServer({
    configFile: CONFIG,
    root: ROOT,
    logLevel: 'silent',
    server: { port: devPort, strictPort: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  await dev.listen()
  devUrl = `http://127.0.0.1:${devPort}`

  // A stand-in build (preview serves build.outDir only): an index.html and a hidden source map.
  distDir = mkdtempSync(join(tmpdir(), 'telecomx-preview-'))
  mkdirSync(join(distDir, 'assets'))
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>dashboard</title>')
  writeFileSync(join(distDir, 'assets', 'index-abc.js'), 'console.log(1)\n')
  writeFileSync(join(distDir, 'assets', 'index-abc.js.map'), `{"version":3,"sources":["${SECRET}"]}`)
  const previewPort = await freePort()
  previewServer = await preview({
    configFile: CONFIG,
    root: ROOT,
    logLevel: 'silent',
    build: { outDir: distDir },
    preview: { port: previewPort, strictPort: true, open: false },
  })
  previewUrl = `http://127.0.0.1:${previewPort}`
}, 60_000)

afterAll(async () => {
  await dev?.close()
  await new Promise<void>((resolve) => (previewServer ? previewServer.httpServer.close(() => resolve()) : resolve()))
  rmSync(dbFile, { force: true })
  rmSync(otherFile, { force: true })
  if (distDir) rmSync(distDir, { recursive: true, force: true })
})

async function get(base: string, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${base}${path}`)
  return { status: response.status, body: await response.text() }
}

const absolute = (file: string): string => `/@fs${file.split('\\').join('/')}`

test.for<[string, string]>([
  ['the database by path', `/data/${stem}.sqlite`],
  ['any other file in data/', `/data/${stem}.txt`],
  ['the database by /@fs/', 'DB_FS'],
  ['the database as a ?raw module', `/data/${stem}.sqlite?raw`],
  ['a data file as an ?import&raw module', `/data/${stem}.txt?import&raw`],
])('the dev server refuses %s', async ([, path]) => {
  const { status, body } = await get(devUrl, path === 'DB_FS' ? absolute(dbFile) : path)
  expect([403, 404]).toContain(status)
  expect(body).not.toContain(SECRET)
  expect(body).not.toContain('SQLite format 3')
})

test('the default database path gets no database bytes (the app’s HTML at most, as for any unknown path)', async () => {
  const { body } = await get(devUrl, '/data/telecomx.sqlite')
  expect(body).not.toContain('SQLite format 3')
})

test('the dev server still serves the app (the deny list is not too wide)', async () => {
  const { status, body } = await get(devUrl, '/src/lib/csv.ts')
  expect(status).toBe(200)
  expect(body).toContain('csvCell')
})

test('vite preview hands out neither data/ nor source maps', async () => {
  for (const path of [`/data/${stem}.sqlite`, '/data/telecomx.sqlite', absolute(dbFile)]) {
    const { body } = await get(previewUrl, path)
    expect(body).not.toContain(SECRET)
    expect(body).not.toContain('SQLite format 3')
  }
  const map = await get(previewUrl, '/assets/index-abc.js.map')
  expect(map.status).toBe(404)
  expect(map.body).not.toContain(SECRET)
  expect((await get(previewUrl, '/assets/index-abc.js')).status).toBe(200)
})
