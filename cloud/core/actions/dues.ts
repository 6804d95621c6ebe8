/**
 * 党费 actions (contract: types/actions/dues.ts; rule: cloud/core/dues/rate.ts; docs/dues.md).
 *
 * Who may do what: anyone of a branch previews an amount; the secretary or the 组织委员 (a 支委 holding that post)
 * sets a member's category and base and records payments; the branch's 支委, its guides and the committee read the
 * ledger; a member reads their own year. A member's income/base is personal: it is shown to the member, the secretary
 * and the 组织委员 only — to every other reader it is masked, and their reading of the member's dues is logged in
 * the audit log (cloud/core/organisation/audit.ts), which the secretary and the committee can read.
 */
import { ROLES } from '../../../types/domain'
import { collectionRateText, DUES_CATEGORY_LABELS, DUES_LAPSE_MONTHS, DUES_WAY_LABELS } from '../../../types/dues'
import { BRANCH_WRITERS, ROSTER_READERS } from '../../../types/roles'
import { defineAction, type ActionContext } from '../framework/action'
import { collection, insertNew, loadOne, readAll, recordOf } from '../framework/data'
import { AppError, forbidden, invalid } from '../framework/errors'
import type { InboxDoc, MemberDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { actorName, recordAudit } from '../organisation/audit'
import { loadActiveBranch, loadBranch } from '../organisation/store'
import { addMonths, checkWarnMonths, monthsBehind, monthsOf, monthState, owedFrom, paidOnRefusal } from '../dues/ledger'
import { AMOUNTS_HIDDEN_NOTE, showsAmounts } from '../dues/totals'
import { bpToFraction, fenText, fenToYuan, hasBase, monthlyDues, yuanToFen } from '../dues/rate'
import { DUES_PAGE } from '../dues/reminders'
import { branchLedger, keepsDuesIn, quoteOf } from '../dues/branch-ledger'
import { earlierDues, monthsHere } from '../dues/history'
import { DUES_DEFAULTS, loadDuesSettings, paymentId, saveDuesSettings, type DuesCorrectionDoc, type DuesPaymentDoc, type DuesProfileDoc, type DuesPublicationDoc } from '../dues/store'

/** Who read a branch's ledger: its 支委, guides and the committee (types/roles.ts). */
const LEDGER_READERS = ROSTER_READERS
/** Who may keep dues at all: the branch's writers; keepsDues narrows 支委 to the 组织委员. */
const KEEPERS = BRANCH_WRITERS
const memberRecord = { kind: 'record', collection: 'members', noun: '党员' } as const

const thisMonthOf = (port: Port) => beijingDate(port.now()).slice(0, 7)


const keepsDues = (ctx: ActionContext, branchId: string) => keepsDuesIn(ctx.port, ctx.caller.memberships, branchId, ctx.caller.openid)

async function requireKeeper(ctx: ActionContext, branchId: string) {
  if (!(await keepsDues(ctx, branchId))) throw forbidden('只有支部书记或组织委员可以管理党费')
}

async function loadProfile(port: Port, memberId: string): Promise<DuesProfileDoc | null> {
  return (await loadOne(port, 'dues_profiles', memberId)) ?? null
}

/**
 * One member's year. Across branches (组织关系转接 inside this deployment): a month the member's earlier roster entry
 * recorded shows as paid with the branch that recorded it, and the months up to the 党费交至 of the letter that
 * brought them are settled (`elsewhere`), never 未缴 (history.ts). The amounts of another branch's months are the
 * member's own to see: the keepers here see paid / not paid and the branch.
 */
async function memberYear(ctx: ActionContext, member: MemberDoc, year: number) {
  const { port } = ctx
  const _ = port.db.command
  const thisMonth = thisMonthOf(port)
  // Back to a year before January, for the months-behind count across a new year.
  const earliest = addMonths(`${year}-01`, -12)
  const [profile, canManage, branch, earlierOf] = await Promise.all([
    loadProfile(port, member._id),
    keepsDues(ctx, member.branchId),
    loadBranch(port, member.branchId),
    earlierDues(port, [member], earliest),
  ])
  const self = !!member.openid && member.openid === ctx.caller.openid
  const seesBase = canManage || self
  const [payments, corrections] = await Promise.all([
    readAll(port, 'dues_payments', { memberId: member._id, month: _.gte(earliest) }, { sortBy: 'month' }),
    readAll(port, 'dues_corrections', { memberId: member._id, month: _.gte(`${year}-01`) }, { sortBy: 'at' }),
  ])
  const byMonth = new Map(payments.map((p) => [p.month, p]))
  const earlier = earlierOf.get(member._id)
  // An earlier branch's record of a month (the most recent entry first), for months this branch did not record.
  const earlierByMonth = new Map<string, NonNullable<typeof earlier>['payments'][number]>()
  for (const p of earlier?.payments ?? []) if (!earlierByMonth.has(p.month)) earlierByMonth.set(p.month, p)
  const correctionsOf = (month: string) =>
    corrections
      .filter((c) => c.month === month)
      .map((c) => ({
        kind: c.kind,
        paidBefore: seesBase ? fenToYuan(c.before.paidFen) : null,
        paidAfter: seesBase && c.after ? fenToYuan(c.after.paidFen) : null,
        paidOnBefore: c.before.paidOn,
        paidOnAfter: c.after?.paidOn ?? null,
        reason: c.reason,
        by: c.by.name,
        at: new Date(c.at).toISOString(),
      }))
  // Received by a transfer: months before the arrival are the earlier branch's, owed here from it (history.ts monthsHere).
  const { from, elsewhere, arrived } = monthsHere(earlier, member, profile ? owedFrom(profile.startMonth, member.joinedPartyOn) : null, addMonths(thisMonth, 12))
  const quote = profile ? quoteOf(profile) : null
  const today = beijingDate(port.now())
  if (!seesBase && profile) {
    await recordAudit(ctx, {
      branchId: member.branchId,
      action: 'dues.read',
      summary: `查看 ${member.name} 的${year}年党费记录（收入基数已隐去）`,
      target: { kind: 'member', id: member._id },
      before: null,
      after: null,
    })
  }
  return {
    member: { id: member._id, branchId: member.branchId, name: member.name, partyStatus: member.partyStatus },
    year,
    profile:
      profile && quote && from
        ? {
            // Category, rate and amounts give the income back (81 ÷ 0.015 = 5400): masked with the base.
            category: seesBase ? profile.category : null,
            categoryLabel: seesBase ? DUES_CATEGORY_LABELS[profile.category] : null,
            base: seesBase && profile.baseFen !== null ? fenToYuan(profile.baseFen) : null,
            baseMasked: !seesBase,
            rate: seesBase ? bpToFraction(quote.rateBp) : null,
            monthlyDue: seesBase ? fenToYuan(quote.amountFen) : null,
            owedFrom: from,
            checkedOn: profile.checkedOn,
            needsRecheck: profile.checkedOn.slice(0, 4) < today.slice(0, 4),
          }
        : null,
    months: monthsOf(year).map((month) => {
      const own = byMonth.get(month)
      const there = own ? undefined : earlierByMonth.get(month)
      if (there) {
        // Recorded by the member's earlier branch: paid, with that branch's name; its amounts are the member's own.
        return {
          month,
          state: monthState(month, thisMonth, from, there),
          due: self ? fenToYuan(there.dueFen) : null,
          paid: self ? fenToYuan(there.paidFen) : null,
          paidOn: there.paidOn,
          way: there.way,
          reason: there.reason,
          recordedBy: there.recordedBy.name,
          branchName: there.branchName,
          elsewhere: true,
          corrections: [],
        }
      }
      const state = monthState(month, thisMonth, from, own, elsewhere, arrived)
      return {
        month,
        state,
        due: !seesBase ? null : own ? fenToYuan(own.dueFen) : state === 'not_owed' || state === 'not_here' || state === 'elsewhere' || !quote ? null : fenToYuan(quote.amountFen),
        paid: own && seesBase ? fenToYuan(own.paidFen) : null,
        paidOn: own?.paidOn ?? null,
        way: own?.way ?? null,
        reason: own?.reason ?? null,
        recordedBy: own?.recordedBy.name ?? null,
        // Settled under a letter's 党费交至: the organisation that issued it.
        branchName: own ? branch.name : state === 'elsewhere' ? (earlier?.paidToBy ?? null) : null,
        elsewhere: state === 'elsewhere',
        corrections: correctionsOf(month),
      }
    }),
    behind: monthsBehind(from, thisMonth, new Set([...byMonth.keys(), ...elsewhere])),
    canManage,
    earlier: earlier ? { paidTo: earlier.paidTo, paidToBy: earlier.paidToBy, branches: [...new Set(earlier.entries.map((e) => e.branchName))] } : null,
  }
}

export const duesPreview = defineAction({
  name: 'dues.preview',
  // Anyone who holds a role somewhere (a member of a branch, its leaders, the committee).
  roles: ROLES,
  scope: { kind: 'authenticated' },
  async handler({ category, monthlyIncome }) {
    const baseFen = yuanToFen(monthlyIncome)
    if (baseFen === null) throw invalid('月收入应为不小于 0 的金额，最多两位小数')
    const quote = monthlyDues(category, hasBase(category) ? baseFen : 0)
    return { rate: bpToFraction(quote.rateBp), amount: fenToYuan(quote.amountFen) }
  },
})

export const duesMember = defineAction({
  name: 'dues.member',
  roles: LEDGER_READERS,
  // A member reads their own dues while they are of the branch.
  scope: { ...memberRecord, idOf: (input) => input.memberId, ownerField: 'openid', ownerRoles: 'any' },
  async handler({ year }, ctx) {
    const member = recordOf(ctx, 'members')
    return memberYear(ctx, member, year ?? Number(thisMonthOf(ctx.port).slice(0, 4)))
  },
})

export const duesSetProfile = defineAction({
  name: 'dues.setProfile',
  roles: KEEPERS,
  scope: { ...memberRecord, idOf: (input) => input.memberId },
  async handler({ memberId, category, monthlyIncome, farmerAmount, startMonth }, ctx) {
    const { port } = ctx
    const member = recordOf(ctx, 'members')
    await requireKeeper(ctx, member.branchId)
    await loadActiveBranch(port, member.branchId)
    if (member.state !== 'active') throw new AppError('CONFLICT', `${member.name} 已转出，党费记录只读`)
    const thisMonth = thisMonthOf(port)
    if (hasBase(category) && monthlyIncome === undefined) {
      throw invalid(`请填写${category === 'employed' ? '税后月工资收入' : '月离退休费'}`, { field: 'monthlyIncome' })
    }
    if (!hasBase(category) && monthlyIncome !== undefined) throw invalid(`${DUES_CATEGORY_LABELS[category]}党员按固定金额交纳，不需填写收入`, { field: 'monthlyIncome' })
    if (category !== 'farmer' && farmerAmount !== undefined) throw invalid('只有农民党员可以设定每月金额', { field: 'farmerAmount' })
    const farmerFen = category === 'farmer' ? yuanToFen(farmerAmount ?? 0.2) : null
    if (category === 'farmer' && (farmerFen === null || farmerFen < 20 || farmerFen > 100)) {
      throw invalid('农民党员每月交纳 0.20 元至 1.00 元', { field: 'farmerAmount' })
    }
    if (startMonth && startMonth > addMonths(thisMonth, 1)) throw invalid('起缴月份不能晚于下个月', { field: 'startMonth' })
    const before = await loadProfile(port, memberId)
    const baseFen = hasBase(category) ? yuanToFen(monthlyIncome!) : null
    const name = await actorName(ctx)
    const doc: DuesProfileDoc = {
      _id: memberId,
      branchId: member.branchId,
      memberId,
      category,
      baseFen,
      farmerFen,
      // The ledger's start stays where it was unless the keeper moves it.
      startMonth: startMonth ?? before?.startMonth ?? thisMonth,
      checkedOn: beijingDate(port.now()),
      setBy: { openid: ctx.caller.openid, name },
      updatedAt: port.now(),
    }
    const { _id, ...data } = doc
    await collection(port, 'dues_profiles').doc(_id).set({ data })
    const amount = (p: DuesProfileDoc | null) => (p ? DUES_CATEGORY_LABELS[p.category] : '未设定')
    // The audit log is read by the committee: the amount would give the income back (81 ÷ 0.015), so only the category.
    await recordAudit(ctx, {
      branchId: member.branchId,
      action: 'dues.profile',
      summary: before ? `核定 ${member.name} 的党费（${amount(before)} → ${amount(doc)}）` : `设定 ${member.name} 的党费（${amount(doc)}）`,
      target: { kind: 'member', id: memberId },
      before: before ? { category: before.category, startMonth: before.startMonth } : null,
      after: { category: doc.category, startMonth: doc.startMonth },
    })
    return memberYear(ctx, member, Number(thisMonth.slice(0, 4)))
  },
})

export const duesRecord = defineAction({
  name: 'dues.record',
  roles: KEEPERS,
  scope: { ...memberRecord, idOf: (input) => input.memberId },
  async handler({ memberId, months, amount, paidOn, way, reason }, ctx) {
    const { port } = ctx
    const _ = port.db.command
    const member = recordOf(ctx, 'members')
    await requireKeeper(ctx, member.branchId)
    await loadActiveBranch(port, member.branchId)
    if (member.state !== 'active') throw new AppError('CONFLICT', `${member.name} 已转出，党费记录只读`)
    const profile = await loadProfile(port, memberId)
    if (!profile) throw new AppError('CONFLICT', `请先设定 ${member.name} 的党员类别和交纳基数`)
    const today = beijingDate(port.now())
    const unique = [...new Set(months)].sort()
    if (unique.length !== months.length) throw invalid('同一个月份不能重复选择', { field: 'months' })
    // A date years before the months paid is a typo of the year (ledger.ts paidOnRefusal).
    const badDate = paidOnRefusal(paidOn, unique, today)
    if (badDate) throw invalid(badDate, { field: 'paidOn' })
    const from = owedFrom(profile.startMonth, member.joinedPartyOn)
    const early = unique.find((m) => m < from)
    if (early) throw invalid(`${member.name} 从 ${from} 起交纳党费，${early} 不需交纳`, { field: 'months' })
    // Received by a transfer: a month before the arrival is the earlier branch's to collect (history.ts monthsHere).
    if (member.joinedBranchOn && unique[0] < member.joinedBranchOn.slice(0, 7)) {
      const { arrived } = monthsHere((await earlierDues(port, [member], thisMonthOf(port))).get(member._id), member, from, thisMonthOf(port))
      const before = arrived ? unique.find((m) => m < arrived) : undefined
      if (before) throw invalid(`${member.name} ${member.joinedBranchOn.slice(0, 4)}年${Number(member.joinedBranchOn.slice(5, 7))}月${Number(member.joinedBranchOn.slice(8, 10))}日转入本支部，${before} 的党费属原支部，不在本支部记录`, { field: 'months' })
    }
    // Ahead, a year at most (规定 allows paying in advance; further ahead the base would need re-checking first).
    const late = unique.find((m) => m > addMonths(thisMonthOf(port), 12))
    if (late) throw invalid(`最多预交 12 个月（${late} 太远）`, { field: 'months' })
    const dueFen = quoteOf(profile).amountFen
    const paidFen = yuanToFen(amount)!
    // More than a year's dues for one month is a slip of the keyboard: paying ahead is recorded month by month.
    if (dueFen > 0 && paidFen > 12 * dueFen) {
      throw invalid(`每月实缴不能超过应缴的 12 倍（${fenText(12 * dueFen)} 元）；预交请选择多个月份`, { field: 'amount' })
    }
    if (paidFen < dueFen && !reason) {
      throw invalid(`每月应缴 ${fenText(dueFen)} 元，少缴须填写原因`, { field: 'reason' })
    }
    const existing = await collection(port, 'dues_payments').where({ _id: _.in(unique.map((m) => paymentId(memberId, m))) }).limit(unique.length).get()
    if (existing.data.length) {
      const taken = existing.data.map((p) => p.month).sort()
      throw new AppError('CONFLICT', `${member.name} ${taken.join('、')} 的党费已经记录过了`, { months: taken })
    }
    const recordedBy = { openid: ctx.caller.openid, name: await actorName(ctx) }
    const now = port.now()
    const docs = unique.map((month): DuesPaymentDoc => ({
      _id: paymentId(memberId, month),
      branchId: member.branchId,
      memberId,
      month,
      dueFen,
      paidFen,
      paidOn,
      way,
      reason: paidFen < dueFen ? reason! : null,
      recordedBy,
      recordedAt: now,
    }))
    // _id per member and month: another phone recording the same month at the same moment is refused by the store.
    const inserted = await insertNew(port, 'dues_payments', docs)
    if (inserted.size < docs.length) {
      // Take back what this call wrote, so nothing is half-recorded.
      const mine = [...inserted]
      if (mine.length) await collection(port, 'dues_payments').where({ _id: _.in(mine), recordedAt: now }).remove()
      throw new AppError('CONFLICT', `${member.name} 的党费刚刚被别人记录过了，请刷新后再看`)
    }
    await recordAudit(ctx, {
      branchId: member.branchId,
      action: 'dues.recorded',
      summary: `记录 ${member.name} ${unique.join('、')} 党费（${DUES_WAY_LABELS[way]}）${paidFen < dueFen ? `，少缴原因：${reason}` : ''}`,
      target: { kind: 'member', id: memberId },
      before: null,
      after: { months: unique, way, paidOn },
    })
    return memberYear(ctx, member, Number(unique[unique.length - 1].slice(0, 4)))
  },
})

export const duesLedger = defineAction({
  name: 'dues.ledger',
  roles: LEDGER_READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, year: asked }, ctx) {
    const { port } = ctx
    await loadBranch(port, branchId)
    const year = asked ?? Number(thisMonthOf(port).slice(0, 4))
    const settings = await loadDuesSettings(port)
    const [ledger, seesBase, published] = await Promise.all([
      branchLedger(port, branchId, year, settings.warnMonths),
      keepsDues(ctx, branchId),
      loadOne(port, 'dues_publications', `${branchId}:${year}`),
    ])
    if (!seesBase && ledger.rows.some((r) => r.profile)) {
      await recordAudit(ctx, {
        branchId,
        action: 'dues.read',
        summary: `查看支部${year}年党费台账（收入基数已隐去）`,
        target: { kind: 'branch', id: branchId },
        before: null,
        after: null,
      })
    }
    return {
      year,
      thisMonth: ledger.thisMonth,
      // For readers other than the keepers every per-member amount is masked (it gives the income back); the states,
      // months behind and the branch's totals stay.
      rows: ledger.rows.map((r) =>
        seesBase
          ? { ...r.row, base: r.profile?.baseFen != null ? fenToYuan(r.profile.baseFen) : null, masked: false }
          : { ...r.row, base: null, category: null, monthlyDue: null, due: null, paid: null, masked: !!r.profile },
      ),
      unset: ledger.unset,
      // Masked readers get money totals only over at least 3 standards (totals.ts MIN_MEMBERS_FOR_AMOUNTS).
      totals: seesBase || showsAmounts(ledger.totals.members) ? { ...ledger.totals, amountsNote: null } : { ...ledger.totals, due: null, collected: null, amountsNote: AMOUNTS_HIDDEN_NOTE },
      canManage: seesBase,
      warnMonths: settings.warnMonths,
      seesBase,
      publishedAt: published ? new Date(published.at).toISOString() : null,
    }
  },
})

export const duesPublish = defineAction({
  name: 'dues.publish',
  roles: ['secretary'],
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, year }, ctx) {
    const { port } = ctx
    const branch = await loadActiveBranch(port, branchId)
    const thisYear = Number(thisMonthOf(port).slice(0, 4))
    if (year > thisYear) throw invalid('不能公布尚未开始的年度')
    const ledger = await branchLedger(port, branchId, year)
    // A publication leaving members out would understate what is owed: the secretary sets their standard first.
    // Members transferred out during the year can no longer be given one: they are named, not waited for.
    const unset = ledger.rows.filter((r) => !r.profile && r.member.state === 'active')
    if (unset.length) {
      const names = unset.slice(0, 5).map((r) => r.member.name).join('、') + (unset.length > 5 ? ' 等' : '')
      throw new AppError('CONFLICT', `还有 ${unset.length} 名党员未设定党费标准（${names}），请先在党费台账中设定后再公布`)
    }
    const counted = ledger.rows.filter((r) => r.profile)
    const behind = counted.filter((r) => r.outstanding.months > 0)
    const owedFen = behind.reduce((s, r) => s + r.outstanding.fen, 0)
    const upTo = year < thisYear ? '12月' : `${Number(ledger.thisMonth.slice(5))}月`
    // Arrears are counted through last month (this month is still 本月待缴 in the ledger): 截至11月 on 12月3日.
    const lastMonthNo = year < thisYear ? 12 : Number(ledger.thisMonth.slice(5)) - 1
    const owedUpTo = `${lastMonthNo}月`
    const title = `${branch.name}${year}年度党费收缴情况公布`
    // Totals only: what each member pays follows from their income, which the branch does not see. Paid up = every
    // month owed through last month recorded (ledger.ts yearOutstanding). Nothing on 上缴: the app does not track the hand-over.
    // Fewer than 3 members with a standard: each could subtract their own from a total (totals.ts
    // MIN_MEMBERS_FOR_AMOUNTS), so counts and the rate only.
    const amounts = showsAmounts(counted.length)
    const rate = `收缴率 ${collectionRateText(ledger.totals.rate)}`
    // Transferred out during the year: their months here up to the transfer stay in the figures (as the ledger's rows
    // 已转出 and the workbook's 说明); without a standard they owed no amount on record (未核定标准).
    const gone = ledger.rows.filter((r) => r.row.transferredOn)
    const goneText = gone.length
      ? `（含年内已转出 ${gone.length} 人：${gone.map((r) => `${r.row.name}（${Number(r.row.transferredOn!.slice(5, 7))}月${Number(r.row.transferredOn!.slice(8, 10))}日已转出${r.profile ? '' : '，未核定标准'}）`).join('、')}）`
      : ''
    const body =
      `${year}年（统计至${upTo}）本支部应交纳党费的党员 ${ledger.totals.members} 人${goneText}，` +
      (amounts ? `应缴 ${fenText(ledger.dueFen)} 元，实缴 ${fenText(ledger.paidFen)} 元，${rate}；` : `${rate}；`) +
      (lastMonthNo === 0
        ? '1月党费为本月待缴，本年度尚无欠缴月份。'
        : behind.length
          ? `截至${owedUpTo}已交清 ${counted.length - behind.length} 人，欠缴 ${behind.length} 人${amounts ? `（共欠缴 ${fenText(owedFen)} 元）` : ''}。`
          : `截至${owedUpTo}全部党员均已交清。`) +
      (amounts ? '' : `（${AMOUNTS_HIDDEN_NOTE}）`) +
      '接受党员监督。'
    const now = port.now()
    const by = { openid: ctx.caller.openid, name: await actorName(ctx) }
    const doc: DuesPublicationDoc = { _id: `${branchId}:${year}`, branchId, year, title, body, by, at: now }
    const { _id, ...data } = doc
    // Published again later in the year: the newer figures replace the old and reach the branch again.
    await collection(port, 'dues_publications').doc(_id).set({ data })
    // Named by the request when the app sent one (a retry that took over a dead call cannot post it twice).
    const stamp = ctx.requestKey ?? String(now.getTime())
    const item: InboxDoc & { _id: string } = {
      _id: `dues_publication_${branchId}_${year}_${stamp}`,
      branchId,
      roles: ['secretary', 'branch_committee', 'member'],
      kind: 'dues_publication',
      title,
      body,
      // Everyone of the branch opens their own dues from it (the ledger is for its keepers and 支委).
      page: `${DUES_PAGE}?branchId=${branchId}&year=${year}`,
      createdAt: now,
      dedupeKey: `dues_publication:${branchId}:${year}:${stamp}`,
    }
    await insertNew(port, 'inbox', [{ ...item }])
    return { title, body, publishedAt: now.toISOString() }
  },
})

const snapshot = (p: DuesPaymentDoc) => ({ dueFen: p.dueFen, paidFen: p.paidFen, paidOn: p.paidOn, way: p.way, reason: p.reason })

/**
 * Corrects a recorded month: amend (amount, date or way typed wrong) or void (recorded by mistake: the month is
 * unpaid again). Only the secretary or 组织委员; a reason is required; the payment keeps what stands now and
 * dues_corrections keeps what it was (shown under the month), and the audit log has the step. The change is
 * conditional on the payment being as it was read, so two keepers correcting at once cannot both apply.
 */
export const duesCorrect = defineAction({
  name: 'dues.correct',
  roles: KEEPERS,
  scope: { ...memberRecord, idOf: (input) => input.memberId },
  async handler({ memberId, month, kind, reason, shortReason, amount, paidOn, way }, ctx) {
    const { port } = ctx
    const member = recordOf(ctx, 'members')
    await requireKeeper(ctx, member.branchId)
    await loadActiveBranch(port, member.branchId)
    if (member.state !== 'active') throw new AppError('CONFLICT', `${member.name} 已转出，党费记录只读`)
    const payment = await loadOne(port, 'dues_payments', paymentId(memberId, month))
    const words = `${month.slice(0, 4)}年${Number(month.slice(5))}月`
    if (!payment) throw new AppError('NOT_FOUND', `${member.name} ${words}还没有交纳记录，无需更正`)
    if (kind === 'void' && (amount !== undefined || paidOn !== undefined || way !== undefined || shortReason !== undefined)) {
      throw invalid('作废记录时不需填写金额、日期或方式', { field: 'kind' })
    }
    const before = snapshot(payment)
    let after: DuesCorrectionDoc['after'] = null
    const now = port.now()
    const same = { _id: payment._id, paidFen: payment.paidFen, paidOn: payment.paidOn, way: payment.way }
    if (kind === 'amend') {
      const paidFen = amount === undefined ? payment.paidFen : yuanToFen(amount)!
      const date = paidOn ?? payment.paidOn
      const badDate = paidOnRefusal(date, [month], beijingDate(now))
      if (badDate) throw invalid(badDate, { field: 'paidOn' })
      if (payment.dueFen > 0 && paidFen > 12 * payment.dueFen) {
        throw invalid(`实缴不能超过应缴的 12 倍（${fenText(12 * payment.dueFen)} 元）`, { field: 'amount' })
      }
      // The correction's reason is why the record changed, never a 少缴原因 (walk: a typo fix 81 → 60 「金额录入有误」
      // read as 少缴原因). Short after the correction: its own 少缴原因, or the one the month already had.
      const short = paidFen < payment.dueFen
      const shortWhy = short ? (shortReason ?? payment.reason ?? null) : null
      if (short && !shortWhy) throw invalid(`每月应缴 ${fenText(payment.dueFen)} 元，更正后少缴须填写少缴原因`, { field: 'shortReason' })
      after = { dueFen: payment.dueFen, paidFen, paidOn: date, way: way ?? payment.way, reason: shortWhy }
      if (after.paidFen === before.paidFen && after.paidOn === before.paidOn && after.way === before.way && after.reason === before.reason) {
        throw invalid('金额、日期和方式都与原记录相同，无需更正')
      }
      const { stats } = await collection(port, 'dues_payments').where(same).update({ data: { paidFen: after.paidFen, paidOn: after.paidOn, way: after.way, reason: after.reason } })
      if (stats.updated !== 1) throw new AppError('CONFLICT', `${member.name} ${words}的记录刚刚被别人改过了，请刷新后再看`)
    } else {
      const { stats } = await collection(port, 'dues_payments').where(same).remove()
      if (stats.removed !== 1) throw new AppError('CONFLICT', `${member.name} ${words}的记录刚刚被别人改过了，请刷新后再看`)
    }
    const by = { openid: ctx.caller.openid, name: await actorName(ctx) }
    const correction: DuesCorrectionDoc = { _id: ctx.requestKey ?? `${payment._id}:${now.getTime()}`, branchId: member.branchId, memberId, month, kind, before, after, reason, by, at: now }
    await insertNew(port, 'dues_corrections', [correction])
    await recordAudit(ctx, {
      branchId: member.branchId,
      action: 'dues.corrected',
      // The audit log is read by the committee: the amounts are kept out (they give the income back), as in dues.profile.
      summary: kind === 'void' ? `作废 ${member.name} ${words}的党费记录，原因：${reason}` : `更正 ${member.name} ${words}的党费记录，原因：${reason}`,
      target: { kind: 'member', id: memberId },
      before: { month, paidOn: before.paidOn, way: before.way },
      after: after ? { month, paidOn: after.paidOn, way: after.way, amountChanged: after.paidFen !== before.paidFen } : null,
    })
    return memberYear(ctx, member, Number(month.slice(0, 4)))
  },
})

/** The committee's dues settings, with the national defaults and the 党章's fixed six months (for the settings screen). */
const presentSettings = (s: { warnMonths: number[] }) => ({ warnMonths: s.warnMonths, defaults: { warnMonths: [...DUES_DEFAULTS.warnMonths] }, lapseMonths: DUES_LAPSE_MONTHS })

export const duesSettings = defineAction({
  name: 'dues.settings',
  roles: ROLES,
  scope: { kind: 'authenticated' },
  async handler(_input, { port }) {
    return presentSettings(await loadDuesSettings(port))
  },
})

export const duesSetSettings = defineAction({
  name: 'dues.setSettings',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ warnMonths }, ctx) {
    const why = checkWarnMonths(warnMonths)
    if (why) throw invalid(why, { field: 'warnMonths' })
    const before = await loadDuesSettings(ctx.port)
    await saveDuesSettings(ctx.port, warnMonths)
    await recordAudit(ctx, { branchId: null, action: 'dues.settings', summary: `修改党费欠缴提醒月数（${before.warnMonths.join('、')} → ${warnMonths.join('、')} 个月）`, target: { kind: 'settings', id: 'dues' }, before, after: { warnMonths } })
    return presentSettings({ warnMonths })
  },
})

export const DUES_ACTIONS = [duesPreview, duesMember, duesSetProfile, duesRecord, duesLedger, duesPublish, duesCorrect, duesSettings, duesSetSettings] as const
