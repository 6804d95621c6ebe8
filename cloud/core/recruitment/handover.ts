/**
 * A 预备党员's 发展党员 file handed over with their 组织关系 (called by transfers.accept, cloud/core/actions/transfers.ts;
 * docs/transfers.md). The 党员档案 follows the member: the receiving branch now keeps the 预备期 and records the 转正
 * (steps 22–25 and their reminders follow the file's branch), so the file's branch and roster entry become the
 * receiving ones, with a history line. The sending branch loses access to the file (its personal materials are no
 * longer its business); its audit log and the transfer's 办理记录 say the file went, and when.
 *
 * Only a file still in its 预备期 moves; a 正式党员's finished file stays where it was written. The write is
 * conditional on the file still being the sending branch's and unchanged (version), so a second acceptance (or a
 * step recorded meanwhile) cannot move it twice or lose a step.
 */
import { collection } from '../framework/data'
import type { Port } from '../framework/port'
import type { Actor } from './store'
import { unlessMissing } from '../framework/errors'

export async function handOverRecruit(port: Port, move: { fromBranchId: string; fromMemberId: string; toBranchId: string; toMemberId: string; by: Actor; what: string }): Promise<string | null> {
  const { data } = await collection(port, 'recruits')
    .where({ memberId: move.fromMemberId, branchId: move.fromBranchId })
    .limit(1)
    .get()
    .catch(unlessMissing({ data: [] }))
  const file = data[0]
  if (!file || file.status !== 'probationary') return null
  const now = port.now()
  const { stats } = await collection(port, 'recruits')
    .where({ _id: file._id, branchId: move.fromBranchId, version: file.version })
    .update({
      data: {
        branchId: move.toBranchId,
        memberId: move.toMemberId,
        history: port.db.command.push([{ at: now, by: move.by, what: move.what, exception: null }]),
        version: file.version + 1,
        updatedAt: now,
      },
    })
  return stats.updated === 1 ? file._id : null
}
