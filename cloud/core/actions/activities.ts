import { createHash } from 'node:crypto'
import type { ActivitySummary } from '../../../types/domain'
import { defineAction } from '../action'
import { AppError } from '../errors'
import { afterCursor, decodeCursor, pageOf } from '../paging'
import type { ActivityDoc, UserDoc } from '../model'
import type { Doc, Port } from '../port'

const READERS = ['committee_admin', 'secretary', 'branch_committee', 'member', 'guide'] as const
const WRITERS = ['secretary', 'branch_committee'] as const

/** The same (caller, clientRequestId) always names the same record, so a retried submit cannot duplicate. */
export const activityIdFor = (openid: string, clientRequestId: string) =>
  createHash('sha256').update(`${openid}\u0000${clientRequestId}`).digest('hex').slice(0, 32)

const iso = (d: Date | string | undefined) => (d === undefined ? undefined : new Date(d).toISOString())

async function present(port: Port, docs: ActivityDoc[]): Promise<ActivitySummary[]> {
  const fileIDs = docs.flatMap((d) => d.photos)
  const urls = fileIDs.length ? await port.storage.getTempFileURLs(fileIDs) : new Map<string, string>()
  return docs.map((d) => ({
    id: d._id,
    branchId: d.branchId,
    type: d.type,
    topic: d.topic,
    place: d.place,
    startAt: iso(d.startAt)!,
    ...(d.endAt ? { endAt: iso(d.endAt) } : {}),
    photos: d.photos.map((fileID) => (urls.has(fileID) ? { fileID, url: urls.get(fileID) } : { fileID })),
    createdBy: d.createdBy,
    createdAt: iso(d.createdAt)!,
  }))
}

function isDuplicateKey(error: unknown): boolean {
  const text = `${(error as { errCode?: unknown; code?: unknown })?.errCode ?? ''} ${(error as { code?: unknown })?.code ?? ''} ${(error as Error)?.message ?? ''}`
  return /duplicate|E11000|DUPLICATE/i.test(text)
}

export const createActivity = defineAction({
  name: 'activities.create',
  roles: WRITERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler(input, { port, caller }) {
    const collection = port.db.collection('activities')
    const _id = activityIdFor(caller.openid, input.clientRequestId)
    const existing = await collection.where({ _id }).limit(1).get()
    if (existing.data[0]) return (await present(port, [existing.data[0] as unknown as ActivityDoc]))[0]

    for (const [field, value] of [
      ['主题', input.topic],
      ['地点', input.place],
    ] as const) {
      const verdict = await port.openapi.checkText(value, caller.openid)
      if (!verdict.pass) {
        throw new AppError('CONTENT_REJECTED', `${field}含有不适宜发布的内容，请修改后再提交`, { field, label: verdict.label })
      }
    }

    const users = await port.db.collection('users').where({ _id: caller.openid }).limit(1).get()
    const author = (users.data[0] as unknown as UserDoc | undefined)?.name ?? '未署名'
    const doc: ActivityDoc = {
      _id,
      branchId: input.branchId,
      type: input.type,
      status: 'recorded',
      audience: { kind: 'branch' },
      topic: input.topic,
      place: input.place,
      startAt: new Date(input.startAt),
      ...(input.endAt ? { endAt: new Date(input.endAt) } : {}),
      photos: input.photos,
      createdBy: { openid: caller.openid, name: author },
      createdAt: port.now(),
      clientRequestId: input.clientRequestId,
      deleted: false,
    }
    try {
      await collection.add({ data: { ...doc } })
    } catch (error) {
      // Two concurrent retries of one submit: the loser returns what the winner wrote.
      if (!isDuplicateKey(error)) throw error
      const { data } = await collection.where({ _id }).limit(1).get()
      if (!data[0]) throw error
      return (await present(port, [data[0] as unknown as ActivityDoc]))[0]
    }
    return (await present(port, [doc]))[0]
  },
})

export const listActivities = defineAction({
  name: 'activities.list',
  roles: READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, cursor, limit }, { port }) {
    const _ = port.db.command
    const base: Record<string, unknown> = { branchId, deleted: false }
    let where: Record<string, unknown> = base
    if (cursor) {
      const c = decodeCursor(cursor)
      const at = new Date(c.key)
      if (Number.isNaN(at.getTime())) throw new AppError('INVALID_INPUT', '分页参数无效，请刷新列表')
      where = _.and(base, afterCursor(_, 'startAt', at, c.id, 'desc')) as Record<string, unknown>
    }
    const { data } = await port.db
      .collection('activities')
      .where(where)
      .orderBy('startAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .get()
    const { items, nextCursor } = pageOf(data as unknown as ActivityDoc[], limit, (a) => iso(a.startAt)!)
    return { items: await present(port, items), nextCursor }
  },
})

export const getActivity = defineAction({
  name: 'activities.get',
  roles: READERS,
  scope: { kind: 'record', collection: 'activities', noun: '活动', idOf: (input) => input.id },
  async handler(_input, { port, record }) {
    return (await present(port, [record as Doc as unknown as ActivityDoc]))[0]
  },
})

export const ACTIVITY_ACTIONS = [createActivity, listActivities, getActivity] as const
