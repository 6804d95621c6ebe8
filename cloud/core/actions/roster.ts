/**
 * roster.*: the roster's numbers other features need (who is expected at a meeting, who may vote). The rules are
 * cloud/core/organisation/roster.ts; the contract is types/actions/organisation.ts.
 */
import { ROSTER_READERS } from '../../../types/roles'
import { readAll } from '../framework/data'
import { defineAction } from '../framework/action'
import { expectedAttendees, votingMembers } from '../organisation/roster'
import { loadGroup } from '../organisation/store'

export const attendanceBasis = defineAction({
  name: 'roster.attendanceBasis',
  // The whole roster (names, 正式/预备): only those who may read the roster (members.list) may read it (#15.12).
  roles: ROSTER_READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, groupId }, { port }) {
    if (groupId) await loadGroup(port, groupId, branchId)
    const roster = await readAll(port, 'members', { branchId, state: 'active' }, { sortBy: 'name' })
    const expected = expectedAttendees(roster, groupId)
    return {
      expected: expected.map((m) => ({ memberId: m._id, name: m.name, partyStatus: m.partyStatus })),
      expectedCount: expected.length,
      votingCount: votingMembers(roster).length,
    }
  },
})

export const ROSTER_ACTIONS = [attendanceBasis] as const
