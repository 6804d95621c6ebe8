/**
 * The access layer (cloud/core/framework/access.ts `authorize`) as one table, without the local cloud: every kind of
 * caller against every scope the code tells apart — authenticated (any role / named roles), committee, branch (the
 * branch named, another branch, no branch = all of them; with and without committee_admin among the roles), record
 * (in a branch, with an owner, of no branch, missing, deleted). Each cell is what the caller gets: the call goes
 * through ('pass'), FORBIDDEN (told they lack the role) or NOT_FOUND (the record does not exist for them, so ids of
 * other branches reveal nothing).
 *
 * A row per scope, a column per caller; reading a row says who may call an action declared that way. The actions
 * declare their scope in cloud/core/actions/<prefix>.ts (defineAction), e.g. members.get is the `record, owner` row.
 */
import type { Role } from '../../types/domain'
import { authorize } from '../../cloud/core/framework/access'
import type { ActionContext, ActionDef } from '../../cloud/core/framework/action'
import { AppError } from '../../cloud/core/framework/errors'
import type { Membership } from '../../cloud/core/framework/model'
import type { Port } from '../../cloud/core/framework/port'

const A = 'branch-a'
const B = 'branch-b'

const grant = (role: Role, branchId: string | null, openid = 'x'): Membership => ({ openid, role, branchId, status: 'active', since: new Date(0) })

/** The callers the access layer tells apart: by role, and by branch (the record's / the named one is A). */
const CALLERS = {
  nobody: { openid: 'o-nobody', memberships: [] },
  admin: { openid: 'o-admin', memberships: [grant('committee_admin', null)] },
  secretaryA: { openid: 'o-sec-a', memberships: [grant('secretary', A)] },
  committeeA: { openid: 'o-bc-a', memberships: [grant('branch_committee', A)] },
  memberA: { openid: 'o-mem-a', memberships: [grant('member', A)] },
  guideA: { openid: 'o-guide-a', memberships: [grant('guide', A)] },
  secretaryB: { openid: 'o-sec-b', memberships: [grant('secretary', B)] },
  memberB: { openid: 'o-mem-b', memberships: [grant('member', B)] },
} satisfies Record<string, ActionContext['caller']>
type CallerName = keyof typeof CALLERS
const NAMES = Object.keys(CALLERS) as CallerName[]

const ALL: readonly Role[] = ['committee_admin', 'secretary', 'branch_committee', 'member', 'guide']
const MANAGERS: readonly Role[] = ['committee_admin', 'secretary']
const READERS_NO_ADMIN: readonly Role[] = ['secretary', 'branch_committee']

/** Records the fake database holds, by collection and id. */
const RECORDS: Record<string, Record<string, Record<string, unknown>>> = {
  things: {
    'in-a': { _id: 'in-a', branchId: A },
    'deleted-in-a': { _id: 'deleted-in-a', branchId: A, deleted: true },
    'of-committee': { _id: 'of-committee' },
    // A roster entry bound to o-mem-a (members.get reads one's own entry this way).
    'own-entry-a': { _id: 'own-entry-a', branchId: A, openid: 'o-mem-a' },
    // The entry of someone who no longer holds any role in A (transferred out): owning it is not enough.
    'own-entry-gone': { _id: 'own-entry-gone', branchId: A, openid: 'o-mem-b' },
  },
}

/** The one database read authorize makes: collection(name).where({ _id }).limit(1).get(). */
const port = {
  db: {
    collection: (name: string) => ({
      where: ({ _id }: { _id: string }) => ({
        limit: () => ({ get: async () => ({ data: RECORDS[name]?.[_id] ? [RECORDS[name][_id]] : [] }) }),
      }),
    }),
  },
} as unknown as Port

type Input = { branchId?: string; id?: string }
interface Row {
  scope: string
  roles: readonly Role[] | 'any'
  def: ActionDef['scope']
  input: Input
  expect: Record<CallerName, 'pass' | 'FORBIDDEN' | 'NOT_FOUND'>
}

const branch = { kind: 'branch', branchOf: (i: Input) => i.branchId } as const
const record = (extra: object = {}) => ({ kind: 'record', collection: 'things', noun: '记录', idOf: (i: Input) => i.id!, ...extra }) as const

// prettier-ignore
const TABLE: Row[] = [
  //                                                                   nobody       admin        secretaryA   committeeA   memberA      guideA       secretaryB   memberB
  row('authenticated, any role',      'any',            { kind: 'authenticated' }, {},                 ['pass',      'pass',      'pass',      'pass',      'pass',      'pass',      'pass',      'pass']),
  row('authenticated, named roles',   ['secretary'],    { kind: 'authenticated' }, {},                 ['FORBIDDEN', 'FORBIDDEN', 'pass',      'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'pass',      'FORBIDDEN']),
  row('committee',                    ['committee_admin'], { kind: 'committee' },  {},                 ['FORBIDDEN', 'pass',      'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']),
  row('branch A, every role',         ALL,              branch,                    { branchId: A },    ['FORBIDDEN', 'pass',      'pass',      'pass',      'pass',      'pass',      'FORBIDDEN', 'FORBIDDEN']),
  row('branch A, managers',           MANAGERS,         branch,                    { branchId: A },    ['FORBIDDEN', 'pass',      'pass',      'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']),
  row('branch A, no committee_admin', READERS_NO_ADMIN, branch,                    { branchId: A },    ['FORBIDDEN', 'FORBIDDEN', 'pass',      'pass',      'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']),
  row('branch: none named (all)',     ALL,              branch,                    {},                 ['FORBIDDEN', 'pass',      'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']),
  row('record in A, managers',        MANAGERS,         record(),                  { id: 'in-a' },     ['NOT_FOUND', 'pass',      'pass',      'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND']),
  row('record in A, every role',      ALL,              record(),                  { id: 'in-a' },     ['NOT_FOUND', 'pass',      'pass',      'pass',      'pass',      'pass',      'NOT_FOUND', 'NOT_FOUND']),
  row('record, owner (any role)',     ['committee_admin', 'secretary', 'branch_committee', 'guide'], record({ ownerField: 'openid', ownerRoles: 'any' }), { id: 'own-entry-a' },
                                                                                                     ['NOT_FOUND', 'pass',      'pass',      'pass',      'pass',      'pass',      'NOT_FOUND', 'NOT_FOUND']),
  row('record, owner no longer in A', ['committee_admin', 'secretary', 'branch_committee', 'guide'], record({ ownerField: 'openid', ownerRoles: 'any' }), { id: 'own-entry-gone' },
                                                                                                     ['NOT_FOUND', 'pass',      'pass',      'pass',      'FORBIDDEN', 'pass',      'NOT_FOUND', 'NOT_FOUND']),
  row('record of no branch',          ['committee_admin', 'secretary'], record(),  { id: 'of-committee' }, ['FORBIDDEN', 'pass',  'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']),
  row('record of no branch, no admin', ['secretary'],   record(),                  { id: 'of-committee' }, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']),
  row('record missing',               ALL,              record(),                  { id: 'nothing' },  ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']),
  row('record deleted',               ALL,              record(),                  { id: 'deleted-in-a' }, ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']),
]

function row(scope: string, roles: Row['roles'], def: object, input: Input, outcomes: Row['expect'][CallerName][]): Row {
  if (outcomes.length !== NAMES.length) throw new Error(`${scope}: ${outcomes.length} outcomes for ${NAMES.length} callers`)
  return { scope, roles, def: def as ActionDef['scope'], input, expect: Object.fromEntries(NAMES.map((n, i) => [n, outcomes[i]])) as Row['expect'] }
}

async function outcome(r: Row, who: CallerName): Promise<string> {
  const def = { name: 'test.action', roles: r.roles, scope: r.def } as unknown as ActionDef
  try {
    await authorize(def, r.input, { port, caller: CALLERS[who] })
    return 'pass'
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

describe.each(TABLE)('$scope', (r) => {
  test.each(NAMES)('%s', async (who) => {
    expect(await outcome(r, who)).toBe(r.expect[who])
  })
})

test('a record that passes comes back to the handler (ctx.record); other scopes return nothing', async () => {
  const def = { name: 'test.action', roles: MANAGERS, scope: record() } as unknown as ActionDef
  expect(await authorize(def, { id: 'in-a' }, { port, caller: CALLERS.secretaryA })).toEqual({ _id: 'in-a', branchId: A })
  const byBranch = { name: 'test.action', roles: MANAGERS, scope: branch } as unknown as ActionDef
  expect(await authorize(byBranch, { branchId: A }, { port, caller: CALLERS.secretaryA })).toBeUndefined()
})

test('a refusal says why in Chinese, never which branch a record is in', async () => {
  const def = { name: 'test.action', roles: MANAGERS, scope: record() } as unknown as ActionDef
  const err = (who: CallerName) => authorize(def, { id: 'in-a' }, { port, caller: CALLERS[who] }).catch((e: AppError) => e)
  expect(await err('memberA')).toMatchObject({ code: 'FORBIDDEN', message: '你在该支部没有相应的职务' })
  expect(await err('memberB')).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('记录') })
  expect(JSON.stringify(await err('memberB'))).not.toContain(A)
})

test('a scope the layer does not know is refused as INTERNAL, not let through', async () => {
  const def = { name: 'test.action', roles: 'any', scope: { kind: 'mystery' } } as unknown as ActionDef
  await expect(authorize(def, {}, { port, caller: CALLERS.admin })).rejects.toMatchObject({ code: 'INTERNAL' })
})
