import { StrictMode } from 'react'
// The palette and the global rules first: every component's own stylesheet comes after them.
import './app/tokens.css'
import './app/base.css'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { activateInitialLanguage } from './app/language-provider.tsx'
import { applyStoredTheme } from './lib/theme.ts'

// Before the first render, so a remembered Light/Dark choice paints at once (no inline script: CSP).
applyStoredTheme()
// A Danish browser (or a remembered Danish choice) waits for the Danish chunk: no flash of English.
await activateInitialLanguage()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
