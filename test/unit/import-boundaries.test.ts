/**
 * The architecture's import boundaries are held by ESLint (eslint.config.mjs). These cases prove the rules fire:
 * a rule that silently stopped matching would let the layers tangle without anyone noticing.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')

/** Lints `code` as if it were `file`, with the project's real config, in a child process (the config is ESM). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', path.join(root, file), '--format', 'json'],
    { cwd: root, input: code, encoding: 'utf8' },
  )
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[]
  return result.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message)
}

test('the client may not import the backend', async () => {
  expect(await boundaryErrors('src/pages/home/probe.ts', "import { dispatch } from '../../../cloud/core/framework/dispatch'\nexport const x = dispatch\n")).toEqual([
    expect.stringContaining('src/services'),
  ])
})

test('core may not import a function entry, the SDK adapter or the local cloud', async () => {
  expect(await boundaryErrors('cloud/core/probe.ts', "import { main } from '../functions/api/entry'\nexport const x = main\n")).toHaveLength(1)
  expect(await boundaryErrors('cloud/core/probe.ts', "import { buildPort } from '../platform/wx-server-port'\nexport const x = buildPort\n")).toHaveLength(1)
  expect(await boundaryErrors('cloud/core/probe.ts', "import { seed } from '../local/seed'\nexport const x = seed\n")).toHaveLength(1)
})

test('production function code may not import the local cloud', async () => {
  expect(await boundaryErrors('cloud/functions/api/probe.ts', "import { seed } from '../../local/seed'\nexport const x = seed\n")).toHaveLength(1)
})

test('allowed directions stay allowed', async () => {
  expect(await boundaryErrors('cloud/core/probe.ts', "import { schemas } from '../../types/actions'\nexport const x = schemas\n")).toEqual([])
  expect(await boundaryErrors('cloud/functions/api/probe.ts', "import { dispatch } from '../../core/framework/dispatch'\nexport const x = dispatch\n")).toEqual([])
})

test('inside core, domain folders sit below the actions and above the framework', async () => {
  expect(await boundaryErrors('cloud/core/activities/probe.ts', "import { ACTIVITY_ACTIONS } from '../actions/activities'\nexport const x = ACTIVITY_ACTIONS\n")).toEqual([
    expect.stringContaining('below the actions'),
  ])
  expect(await boundaryErrors('cloud/core/framework/probe.ts', "import { complianceAt } from '../compliance/rules'\nexport const x = complianceAt\n")).toEqual([
    expect.stringContaining('knows no domain'),
  ])
  expect(await boundaryErrors('cloud/core/actions/probe.ts', "import { complianceAt } from '../compliance/rules'\nimport { defineAction } from '../framework/action'\nexport const x = [complianceAt, defineAction]\n")).toEqual([])
})

/** The rule that keeps screens off the cloud (eslint.config.mjs): components and pages go through stores and hooks. */
async function screenErrors(file: string, code: string): Promise<string[]> {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', path.join(root, file), '--format', 'json'],
    { cwd: root, input: code, encoding: 'utf8' },
  )
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[]
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message)
}

test('components and pages may not call the cloud: no api.ts value, no callApi; types and stores are fine', async () => {
  expect(await screenErrors('src/features/activities/components/probe.tsx', "import { getActivity } from '../api'\nexport const x = getActivity\n")).toEqual([
    expect.stringContaining('store or hook'),
  ])
  expect(await screenErrors('src/packages/activities/pages/edit/probe.tsx', "import { signIn } from '../../../../features/activities/api'\nexport const x = signIn\n")).toHaveLength(1)
  expect(await screenErrors('src/pages/home/probe.tsx', "import { callApi } from '../../services/api'\nexport const x = callApi\n")).toHaveLength(1)
  expect(await screenErrors('src/features/activities/components/probe.tsx', "import { listActivities } from '../list-api'\nexport const x = listActivities\n")).toHaveLength(1)
  expect(await screenErrors('src/features/activities/components/probe.tsx', "import type { ActivityFull } from '../api'\nimport { errorMessage } from '../../../services/api'\nimport { useDetailStore } from '../detail-store'\nexport const x: ActivityFull | null = null\nexport const y = [errorMessage, useDetailStore]\n")).toEqual([])
  // A store or hook is where the calls live.
  expect(await screenErrors('src/features/activities/detail-store.ts', "import { getActivity } from './api'\nexport const x = getActivity\n")).toEqual([])
})
