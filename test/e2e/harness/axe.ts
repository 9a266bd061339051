import { AxeBuilder } from '@axe-core/playwright'
import type { App } from './app.ts'

/** Every rule axe enables by default (WCAG 2.x A/AA and best practices), as readable lines; [] = none violated. */
export async function axeViolations(app: App): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page }).analyze()
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  )
}
