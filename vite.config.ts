import { defineConfig, type ProxyOptions } from 'vite'
import react from '@vitejs/plugin-react'
import { SECURITY_HEADERS } from './security-headers.ts'

/** Where `/api/*` goes; the embedded reference server by default. */
const apiTarget = process.env.TELECOMX_API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? '8787'}`

const proxy: Record<string, ProxyOptions> = {
  '^/api/': {
    target: apiTarget,
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/api/, ''),
  },
}

export default defineConfig({
  plugins: [react()],
  server: { proxy, host: '127.0.0.1' },
  // Dev keeps Vite's inline HMR preamble, so the strict headers apply to the built app only.
  preview: { proxy, host: '127.0.0.1', headers: SECURITY_HEADERS },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Everything the first page needs in one file: Rolldown otherwise splits shared CommonJS modules
    // (react, jsx-runtime) and zod into extra chunks the first page loads anyway (+1.2 kB gz, 2 requests).
    rolldownOptions: { output: { advancedChunks: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
  },
})
