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
