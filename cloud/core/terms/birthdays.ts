/**
 * 政治生日: on the anniversary of a member's 入党日期, an inbox greeting to the member (when they use the app) and one
 * line for the branch's secretary naming everyone of the day — in the reminders run's daily pass, inbox only, no
 * ranking and no check-in. A branch may turn it off (terms.setGreetings; on by default). Each item's _id is its
 * dedupe key (member and year; branch and day), so a second run adds nothing. planBirthdays is pure.
 */
import type { InboxDoc } from '../framework/model'
import { insertNew, readAll } from '../framework/data'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { politicalBirthday } from './rules'

export const ROSTER_PAGE = '/packages/org/pages/roster/index?branchId='

export interface BirthdayMember {
  _id: string
  branchId: string
  openid: string | null
  name: string
  joinedPartyOn: string | null
}

export function planBirthdays(today: string, members: readonly BirthdayMember[], off: ReadonlySet<string>): (InboxDoc & { _id: string })[] {
  const items: (InboxDoc & { _id: string })[] = []
  const byBranch = new Map<string, { name: string; years: number }[]>()
  const [y, mo, d] = today.split('-').map(Number)
  for (const m of members) {
    if (off.has(m.branchId)) continue
    const years = politicalBirthday(m.joinedPartyOn, today)
    if (years === null) continue
    byBranch.set(m.branchId, [...(byBranch.get(m.branchId) ?? []), { name: m.name, years }])
    if (!m.openid) continue
    const key = `political_birthday:${m._id}:${y}`
    items.push({
      _id: key,
      openid: m.openid,
      kind: 'political_birthday',
      title: '今天是你的政治生日',
      body: `${y - years}年${Number(m.joinedPartyOn!.slice(5, 7))}月${Number(m.joinedPartyOn!.slice(8, 10))}日，你光荣地加入了中国共产党。今天是你入党 ${years} 周年，支部祝你政治生日快乐，不忘初心、牢记使命！`,
      page: '/pages/home/index',
      createdAt: new Date(0),
      dedupeKey: key,
    })
  }
  for (const [branchId, list] of byBranch) {
    const key = `political_birthday_line:${branchId}:${today}`
    items.push({
      _id: key,
      branchId,
      roles: ['secretary'],
      kind: 'political_birthday_line',
      title: `今天（${mo}月${d}日）是 ${list.map((p) => p.name).join('、')} 的政治生日`,
      body: list.map((p) => `${p.name}：入党 ${p.years} 周年`).join('；') + '。',
      page: ROSTER_PAGE + branchId,
      createdAt: new Date(0),
      dedupeKey: key,
    })
  }
  return items
}

/** Reads the active roster's 入党日期 and the branches that turned greetings off; writes today's new items. */
export async function runBirthdays(port: Port, now: Date): Promise<number> {
  const today = beijingDate(now)
  const [members, off] = await Promise.all([
    readAll(port, 'members', { joinedPartyOn: port.db.command.neq(null), state: 'active' }, { fields: ['branchId', 'openid', 'name', 'joinedPartyOn'] }),
    readAll(port, 'branches', { status: 'active' }, { fields: ['birthdayGreetings'] }),
  ])
  const items = planBirthdays(today, members, new Set(off.filter((b) => b.birthdayGreetings === false).map((b) => b._id))).map((i) => ({ ...i, createdAt: now }))
  if (!items.length) return 0
  return (await insertNew(port, 'inbox', items)).size
}
