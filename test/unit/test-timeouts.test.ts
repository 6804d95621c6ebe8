/**
 * Every slow kind of test (a local cloud, a browser, a build) runs with a limit that fits a busy 2-core machine.
 * jest ignores `testTimeout` inside a project, so the limit must come through test/support/test-timeout.ts.
 */
const config = require('../../jest.config.js') as { projects: Array<{ displayName: string; setupFilesAfterEnv?: string[]; globals?: Record<string, unknown>; testTimeout?: unknown }> }

const FAST = new Set(['unit', 'components'])

test('no project relies on a project-level testTimeout, which jest ignores', () => {
  expect(config.projects.filter((p) => p.testTimeout !== undefined).map((p) => p.displayName)).toEqual([])
})

test.each(config.projects.filter((p) => !FAST.has(p.displayName)).map((p) => [p.displayName, p]))(
  'the %s tests get at least a minute per test and hook',
  (_name, project) => {
    expect(project.setupFilesAfterEnv).toContain('<rootDir>/test/support/test-timeout.ts')
    expect(project.globals?.TEST_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000)
  },
)
