/**
 * The dashboard's pure figures: Beijing months and quarters, what counts, assignments done late and overdue,
 * a finished year's open periods judged missed, filters and sorting; and photo thumbnails for the record book.
 */
import { asOfFor, figuresOf, filterRows, sortRows, type BranchFacts } from '../../cloud/core/dashboard/aggregate'
import { imageInfo } from '../../cloud/core/dashboard/record-book'
import { makeThumbnail } from '../../cloud/core/dashboard/thumbnail'
import { drawSeedPhoto } from '../../cloud/local/seed-photo'
import jpeg from 'jpeg-js'

const facts = (over: Partial<BranchFacts> = {}): BranchFacts => ({ id: 'b1', name: '甲支部', hasGroups: false, secretaryNames: [], activities: [], assignments: [], ...over })
const act = (type: string, startAt: string, extra: Record<string, unknown> = {}) =>
  ({ _id: startAt, branchId: 'b1', type, status: 'recorded', deleted: false, startAt, ...extra }) as BranchFacts['activities'][number]

test('months and quarters are Beijing ones; planned, deleted and other years do not count', () => {
  const f = figuresOf(
    facts({
      activities: [
        act('theme_day', '2024-12-31T16:30:00Z'), // 1 Jan 2025, 00:30 Beijing
        act('party_lecture', '2025-03-31T16:30:00Z'), // 1 Apr, Q2
        act('party_congress', '2025-05-01T02:00:00Z', { status: 'planned' }),
        act('party_congress', '2025-05-02T02:00:00Z', { deleted: true }),
        act('theme_day', '2025-12-31T16:30:00Z'), // 2026 in Beijing
      ],
    }),
    2025,
    '2026-11-23',
  )
  expect(f.recorded).toBe(2)
  expect(f.months).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])
  expect(f.byTypeQuarter[3]).toEqual([0, 1, 0, 0]) // party_lecture
  expect(f.byTypeQuarter[4]).toEqual([1, 0, 0, 0]) // theme_day
  expect(f.lastActivityOn).toBe('2025-04-01')
})

test('assignments: done late counts as done and late; not done past due is overdue, due later is not', () => {
  const f = figuresOf(
    facts({
      assignments: [
        { _id: 'a', branchId: 'b1', state: 'done', dueOn: '2025-06-30', doneAt: '2025-07-01T01:00:00Z' },
        { _id: 'b', branchId: 'b1', state: 'done', dueOn: '2025-06-30', doneAt: '2025-06-30T15:00:00Z' }, // 23:00 Beijing, on time
        { _id: 'c', branchId: 'b1', state: 'in_progress', dueOn: '2025-06-30', doneAt: null },
        { _id: 'd', branchId: 'b1', state: 'not_started', dueOn: '2025-12-31', doneAt: null },
      ],
    }),
    2025,
    '2025-07-02',
  )
  expect({ done: f.done, doneLate: f.doneLate, overdue: f.overdue, assignments: f.assignments }).toEqual({ done: 2, doneLate: 1, overdue: 1, assignments: 4 })
})

test('a finished year judges its last periods: nothing held all year scores 0, not "not yet evaluated"', () => {
  expect(asOfFor(2025, '2026-01-05')).toBe('2025-12-31')
  expect(asOfFor(2026, '2026-01-05')).toBe('2026-01-05')
  const empty = figuresOf(facts(), 2025, '2026-01-05')
  expect(empty.score).toBe(0)
  expect(empty.compliance.types.every((t) => t.periods.every((p) => p.status === 'missed'))).toBe(true)
  expect(empty.silent).toBe(true)
  // In the current year an open period neither helps nor hurts.
  const early = figuresOf(facts({ activities: [act('theme_day', '2026-01-03T02:00:00Z')] }), 2026, '2026-01-05')
  expect(early.compliance.types.find((t) => t.type === 'committee_meeting')!.periods[0].status).toBe('open')
})

test('filters and sorting: overdue, silent, low score; missing scores last; ties by name', () => {
  const rows = [
    { name: '乙', score: 90, overdue: 0, silent: false, lastActivityOn: '2025-10-01' },
    { name: '甲', score: 40, overdue: 2, silent: true, lastActivityOn: '2025-01-01' },
    { name: '丙', score: null, overdue: 1, silent: true, lastActivityOn: null },
    { name: '丁', score: 40, overdue: 0, silent: false, lastActivityOn: '2025-11-01' },
  ]
  expect(filterRows(rows, 'overdue').map((r) => r.name)).toEqual(['甲', '丙'])
  expect(filterRows(rows, 'silent').map((r) => r.name)).toEqual(['甲', '丙'])
  expect(filterRows(rows, 'low_score').map((r) => r.name)).toEqual(['甲', '丁'])
  expect(filterRows(rows, 'all', '乙').map((r) => r.name)).toEqual(['乙'])
  expect(sortRows(rows, 'score_asc').map((r) => r.name)).toEqual(['丁', '甲', '乙', '丙'])
  expect(sortRows(rows, 'score_desc').map((r) => r.name)).toEqual(['乙', '丁', '甲', '丙'])
  expect(sortRows(rows, 'overdue_desc')[0].name).toBe('甲')
  expect(sortRows(rows, 'last_activity_asc')[0].name).toBe('丙')
})

test('thumbnails: a PNG or JPEG becomes a JPEG of at most 320 px, aspect kept; other bytes are refused', () => {
  const png = drawSeedPhoto(1, 480, 360)
  expect(imageInfo(png)).toEqual({ type: 'png', width: 480, height: 360 })
  const t = makeThumbnail(png)!
  expect({ w: t.width, h: t.height }).toEqual({ w: 320, h: 240 })
  expect(imageInfo(t.bytes)).toEqual({ type: 'jpg', width: 320, height: 240 })
  const tall = Buffer.from(jpeg.encode({ data: new Uint8Array(200 * 800 * 4).fill(200), width: 200, height: 800 }, 80).data)
  expect(imageInfo(makeThumbnail(tall)!.bytes)).toEqual({ type: 'jpg', width: 80, height: 320 })
  expect(makeThumbnail(Buffer.from('not an image at all'))).toBeNull()
})
