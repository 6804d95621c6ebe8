/**
 * Compliance and the reminder planner at period edges, in this process and in child processes whose time zone
 * is UTC (the cloud runtime's) and Asia/Shanghai (a developer's laptop): the same answers in both.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { cases } from './reminder-edges.cases'

describe('in this process', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    c.run()
  })
})

describe.each(['UTC', 'Asia/Shanghai'])('in a process with TZ=%s', (tz) => {
  test(`all ${cases.length} cases pass`, () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'reminder-edges.cases.ts')], {
      env: { ...process.env, TZ: tz, NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 60000,
    })
    expect(run.stderr.split('\n').filter((l) => l && !l.includes('ExperimentalWarning')).join('\n')).toBe('')
    // The zone really applied: Beijing is 480 minutes ahead of UTC (getTimezoneOffset answers -480).
    expect(run.stdout.trim()).toBe(`ok ${cases.length} cases TZ=${tz} offset=${tz === 'UTC' ? 0 : -480}`)
    expect(run.status).toBe(0)
  })
})
