import { inject } from 'vitest'
import { BUDGET_KB, bundleReport, formatReport, writeBundleReport } from '../../scripts/bundle-size.ts'
import { expect, test } from './harness/fixtures.ts'

/*
 * The bundle budget inside the browser suite: it measures the build the suite already made and
 * serves (`npm run test:budget` builds and serves its own, for a run on its own). Writes
 * bench-results/bundle.json, which docs/performance.md reads.
 */
test('the list page’s first-load JavaScript stays within the budget (gzip), for every role measured', async ({ browser }) => {
  const { appUrl, distDir } = inject('e2e')
  const report = await bundleReport(browser, appUrl, distDir)
  writeBundleReport(report)
  console.log(formatReport(report))
  expect(report.listAfterReload.gzipBytes).toBeLessThanOrEqual(BUDGET_KB * 1000)
})
