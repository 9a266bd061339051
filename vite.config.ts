import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin, type ProxyOptions } from 'vite'
import react from '@vitejs/plugin-react'
import { SECURITY_HEADERS } from './security-headers.ts'

/** Where `/api/*` goes; the embedded reference server by default. */
const apiTarget = process.env.TELECOMX_API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? '8787'}`

const proxy: Record<string, ProxyOptions> = {
  '^/api/': {
    target: apiTarget,
    changeOrigin: true,
    // The reference server (npm start, --trust-proxy) counts login failures by this last hop.
    xfwd: true,
    rewrite: (path) => path.replace(/^\/api/, ''),
  },
}

const DATA_DIR = fileURLToPath(new URL('./data', import.meta.url))

/**
 * Files the dev server must never hand out. The reference server's database lives in data/ under
 * the Vite root (every SIP password and password hash in it), and Vite serves any file under its
 * root, by plain path or /@fs/, without a token. Setting `deny` replaces Vite's defaults, so they
 * are repeated first. Patterns without a slash match a file's name anywhere (matchBase).
 */
export const DEV_SERVER_DENY = [
  '.env',
  '.env.*',
  '*.{crt,pem,key,p12,pfx,cer,der}',
  '.npmrc',
  '.yarnrc.yml',
  '**/.git/**',
  `${DATA_DIR}/**`,
  '*.{sqlite,sqlite3,db}',
  '*.{sqlite,sqlite3,db}-{wal,shm,journal}',
]

/**
 * `vite preview` answers 404 for source maps, as nginx does (deploy/nginx.conf): they are built
 * 'hidden' for error tools and stay off the public path.
 */
function noPublicSourceMaps(): Plugin {
  return {
    name: 'telecomx:no-public-source-maps',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        if (/\.map$/i.test(new URL(request.url ?? '/', 'http://x').pathname)) {
          response.statusCode = 404
          response.end()
          return
        }
        next()
      })
    },
  }
}

export default defineConfig({
  plugins: [react(), noPublicSourceMaps()],
  resolve: {
    alias: {
      // TanStack Store (under the table) asks for the shim that brings useSyncExternalStore to React
      // 16/17; React 19 has it, so the plain build, without the shim, is enough (-0.2 kB gz first load).
      'use-sync-external-store/shim/with-selector': 'use-sync-external-store/with-selector',
    },
  },
  server: { proxy, host: '127.0.0.1', fs: { deny: DEV_SERVER_DENY } },
  // Dev keeps Vite's inline HMR preamble, so the strict headers apply to the built app only.
  // HSTS (HTTPS_ONLY_HEADERS) is nginx's alone: preview is plain HTTP.
  preview: { proxy, host: '127.0.0.1', headers: SECURITY_HEADERS },
  build: {
    target: 'es2022',
    // Maps for error tools, without a sourceMappingURL comment: browsers never ask for them, and
    // neither nginx nor preview serves them.
    sourcemap: 'hidden',
    modulePreload: false,
    // Everything the first page needs in one file: Rolldown otherwise splits shared CommonJS modules
    // (react, jsx-runtime) and zod into extra chunks the first page loads anyway (+1.2 kB gz, 2 requests).
    // `codeSplitting.groups` is Rolldown's name for what was `advancedChunks` (deprecated in Vite 8).
    // What lazy parts share (the dialog frame, the modal, the change texts…) is one `shared` chunk, so
    // a lazy part is at most one request away from all its code. With that, the entry does not need
    // Vite's preload list (every lazy chunk's file name, hashes included: 0.5 kB gz of the first
    // load) to fetch a lazy part's imports in parallel: decision 016, round 8.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 2 },
            { name: 'shared', test: /\/src\/components\//, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
})
