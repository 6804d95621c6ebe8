/** The home's to-do lines (cloud/core/home/todo.ts): wording, who gets what, and the order of urgency. */
import { committeeTodo, dueWords, guideTodo, memberTodo, writerTodo, type TodoPoint, type TodoSession } from '../../cloud/core/home/todo'

const today = '2026-12-03'
const now = new Date('2026-12-03T06:00:00Z') // 14:00 Beijing
const point = (id: string, dueOn: string, extra: Partial<TodoPoint> = {}): TodoPoint => ({ id, planId: 'p1', title: `要点${id}`, dueOn, state: 'in_progress', ...extra })
const session = (id: string, startAt: string, extra: Partial<TodoSession> = {}): TodoSession => ({
  id,
  type: 'theme_day',
  topic: `活动${id}`,
  startAt: new Date(startAt),
  endAt: null,
  eligible: true,
  signedIn: false,
  ...extra,
})

test('due words: late, today, days left', () => {
  expect(dueWords(-2)).toBe('已逾期 2 天')
  expect(dueWords(0)).toBe('今天到期')
  expect(dueWords(1)).toBe('还剩 1 天')
})

test('a secretary gets late and soon points, open sign-ins, sessions to record, returned points and join requests, most urgent first', () => {
  const { items, total } = writerTodo({
    today,
    now,
    branchId: 'b1',
    joinRequests: 2,
    points: [
      point('soon', '2026-12-04'),
      point('late2', '2026-12-01'),
      point('late9', '2026-11-24'),
      point('far', '2026-12-30'),
      point('done', '2026-11-01', { state: 'done' }),
      point('back', '2026-12-20', { returnedFor: '缺少会议照片' }),
    ],
    sessions: [
      session('open', '2026-12-03T06:10:00Z'), // 14:10 Beijing: sign-in opened 13:40
      session('held', '2026-11-28T02:00:00Z', { type: 'committee_meeting' }),
    ],
  })
  expect(items.map((i) => `${i.title} ${i.due}`)).toEqual([
    '要点late9 已逾期 9 天',
    '要点late2 已逾期 2 天',
    '要点back 被退回：缺少会议照片',
    '主题党日「活动open」 正在签到',
    '支委会「活动held」 11月28日召开，待记录',
    '要点soon 还剩 1 天',
    '2 人申请加入支部 待审核',
  ])
  expect(total).toBe(7)
  expect(items[0].page).toBe('/packages/plans/pages/point/index?id=late9')
  expect(items[4].page).toBe('/packages/activities/pages/edit/index?id=held')
})

test('a member sees only sessions they are expected at: open sign-in first, later today next; signed-in and others left out', () => {
  const { items } = memberTodo({
    today,
    now,
    sessions: [
      session('later', '2026-12-03T11:30:00Z'), // 19:30 Beijing
      session('open', '2026-12-03T06:10:00Z'),
      session('committee', '2026-12-03T06:10:00Z', { type: 'committee_meeting', eligible: false }),
      session('done', '2026-12-03T06:00:00Z', { signedIn: true }),
    ],
  })
  expect(items.map((i) => `${i.title} ${i.due}`)).toEqual(['主题党日「活动open」 正在签到，去签到', '主题党日「活动later」 今天 19:30'])
  expect(items[0].page).toBe('/packages/activities/pages/sign-in/index?id=open')
})

test('a guide sees the branch state as counts', () => {
  const { items } = guideTodo({
    today,
    now,
    points: [point('a', '2026-12-01'), point('b', '2026-12-02'), point('c', '2026-12-05')],
    sessions: [session('held', '2026-11-28T02:00:00Z')],
  })
  expect(items.map((i) => i.title)).toEqual(['2 项工作要点已逾期', '1 项工作要点 7 天内到期', '1 次活动已召开未记录'])
})

test('the committee sees points by how many branches are late, then due soon, then drafts', () => {
  const p = (branchId: string, dueOn: string, pointSeq = 1) => ({ ...point(`${branchId}-${pointSeq}`, dueOn), title: `要点${pointSeq}`, pointSeq, branchId })
  const { items } = committeeTodo({
    today,
    points: [p('b1', '2026-12-01'), p('b2', '2026-11-28'), p('b3', '2026-12-05'), p('b1', '2026-12-04', 2)],
    drafts: [{ id: 'd', title: '2027年工作要点' }],
  })
  expect(items.map((i) => `${i.title} ${i.due}`)).toEqual([
    '要点1 2 个支部逾期，最长 5 天',
    '要点2 1 个支部未完成，还剩 1 天',
    '要点1 1 个支部未完成，还剩 2 天',
    '2027年工作要点 草稿，尚未发布',
  ])
})

test('committee: records waiting for review are one line to the queue, after late points; none when zero', () => {
  const late = { id: 'p1', planId: 'plan', title: '学习', dueOn: '2026-11-20', state: 'in_progress' as const, pointSeq: 1, branchId: 'b1' }
  const { items } = committeeTodo({ today: '2026-12-02', points: [late], drafts: [{ id: 'd', title: '草稿' }], toReview: 3 })
  expect(items.map((i) => i.kind)).toEqual(['point_overdue', 'records_to_review', 'plan_draft'])
  expect(items[1]).toMatchObject({ title: '3 条组织生活记录待审核', page: '/packages/reviews/pages/queue/index' })
  expect(committeeTodo({ today: '2026-12-02', points: [], drafts: [], toReview: 0 }).items).toEqual([])
})

test('committee: 意见反馈 waiting for an answer is one line to the committee\'s list (user walk: the committee never saw new ones); none when zero', () => {
  const { items } = committeeTodo({ today: '2026-12-02', points: [], drafts: [{ id: 'd', title: '草稿' }], toReview: 0, feedbackOpen: 2 })
  expect(items.map((i) => i.kind)).toEqual(['feedback_open', 'plan_draft'])
  expect(items[0]).toMatchObject({ title: '2 条意见建议待答复', page: '/packages/feedback/pages/list/index' })
  expect(committeeTodo({ today: '2026-12-02', points: [], drafts: [], feedbackOpen: 0 }).items).toEqual([])
})
