/**
 * The session form and its draft: Chinese validation per type, a persisted draft with one clientRequestId reused by
 * retries, a refusal by the content check that names the field and keeps the draft, and a record saved while a
 * photo is still uploading that gets the photo when it arrives.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { planActivity, recordActivity, updateActivity, attendanceSheet } from '../../src/features/activities/api'
import { uploadFile } from '../../src/services/api'
import { ActivityForm } from '../../src/features/activities/components/activity-form'
import { attendanceCounts, draftKey, newDraft, useDraftStore, validateDraft } from '../../src/features/activities/draft-store'
import { shanghaiToIso } from '../../src/lib/time'
import { savedActivity } from '../support/activity-fixtures'
import { memoryStorage } from '../support/taro-shim'

jest.mock('../../src/features/activities/api', () => ({
  planActivity: jest.fn(),
  recordActivity: jest.fn(),
  updateActivity: jest.fn(),
  getActivity: jest.fn(),
  activityPhotoPath: (b: string, d: string, k: string) => `activities/${b}/${d}/${k}.jpg`,
  attendanceSheet: jest.fn(() => Promise.resolve({ expected: 0, present: 0, voters: 0, attendees: [] })),
  listGroups: jest.fn(() => Promise.resolve({ items: [] })),
  listAssignments: jest.fn(() => Promise.resolve({ items: [], nextCursor: null })),
}))

// Photos go up through the shared queue (src/lib/upload-queue.ts), which calls uploadFile.
jest.mock('../../src/services/api', () => ({ ...jest.requireActual('../../src/services/api'), uploadFile: jest.fn() }))

const { ApiCallError } = jest.requireActual('../../src/services/api')
const PLAN = draftKey.plan('b-a')
const RECORD = draftKey.record('b-a')

const saved = savedActivity

function openDraft(key: string, mode: 'plan' | 'record', now?: Date) {
  act(() => useDraftStore.getState().open(key, () => newDraft(key, mode, 'b-a', now)))
}
function fill(key: string, fields: Record<string, unknown>) {
  act(() => {
    for (const [k, v] of Object.entries(fields)) useDraftStore.getState().setField(key, k as never, v as never)
  })
}

beforeEach(() => {
  memoryStorage.clear()
  useDraftStore.getState().reset()
  jest.clearAllMocks()
})

test('an empty plan shows Chinese messages; a 党课 asks for its lecturer; nothing is sent', async () => {
  openDraft(PLAN, 'plan')
  fill(PLAN, { type: 'party_lecture' })
  render(<ActivityForm draftKey={PLAN} onSaved={jest.fn()} />)
  expect(screen.getByText('授课人')).toBeTruthy()
  await act(async () => {
    fireEvent.click(screen.getByText('保存计划'))
  })
  expect(await screen.findByText('请填写主题')).toBeTruthy()
  expect(screen.getByText('请填写地点')).toBeTruthy()
  expect(screen.getByText('请填写授课人')).toBeTruthy()
  expect(planActivity).not.toHaveBeenCalled()
})

test('a 党小组会 needs its group; recording needs host, recorder, minutes and a reason for each absence', () => {
  const d = { ...newDraft(RECORD, 'record', 'b-a'), type: 'group_meeting' as const, topic: '学习', place: '室' }
  const absent = { memberId: 'm1', name: '赵磊', partyStatus: 'full' as const, present: false, groupName: null }
  const e = validateDraft({ ...d, sheet: [absent], marks: { m1: { present: false, absentReason: ' ' } } })
  expect(e).toMatchObject({ groupId: '请选择党小组', host: '请填写主持人', recorder: '请填写记录人', minutes: '请填写会议内容', attendance: '请填写缺席原因：赵磊' })
  expect(validateDraft({ ...d, type: 'theme_day', host: '李', recorder: '王', minutes: '内容' })).toEqual({})
  expect(shanghaiToIso('2026-01-05', '09:30')).toBe('2026-01-05T09:30:00+08:00')
})

test('the draft is persisted as it changes; reopening keeps it and its clientRequestId; a retry reuses the id', async () => {
  openDraft(PLAN, 'plan', new Date('2026-11-23T00:30:00Z'))
  fill(PLAN, { topic: '学习全会精神' })
  const stored = JSON.parse(String(memoryStorage.get('branch-desk:activity-drafts')))
  expect(stored.state.drafts[PLAN]).toMatchObject({ branchId: 'b-a', topic: '学习全会精神', type: 'theme_day', date: '2026-11-23' })
  const id = useDraftStore.getState().drafts[PLAN].clientRequestId
  expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  openDraft(PLAN, 'plan')
  expect(useDraftStore.getState().drafts[PLAN].clientRequestId).toBe(id)

  fill(PLAN, { place: '会议室', date: '2026-11-20', time: '15:00' })
  ;(planActivity as jest.Mock).mockRejectedValueOnce(new ApiCallError('NETWORK', '网络不可用，请检查网络后重试'))
  await act(async () => {
    await useDraftStore.getState().submit(PLAN)
  })
  expect(useDraftStore.getState().errors[PLAN].form).toBe('网络不可用，请检查网络后重试')
  ;(planActivity as jest.Mock).mockResolvedValueOnce(saved({ status: 'planned' }))
  await act(async () => {
    await useDraftStore.getState().submit(PLAN)
  })
  const calls = (planActivity as jest.Mock).mock.calls
  expect(calls.map((c) => c[0].clientRequestId)).toEqual([id, id])
  expect(calls[1][0]).toMatchObject({ branchId: 'b-a', topic: '学习全会精神', startAt: '2026-11-20T15:00:00+08:00' })
  expect(calls[1][0]).not.toHaveProperty('lecturer')
  expect(useDraftStore.getState().drafts[PLAN]).toBeUndefined()
})

test('content rejected by the platform points at the field and keeps the draft', async () => {
  openDraft(RECORD, 'record')
  fill(RECORD, { topic: '主题', place: '会议室', host: '李', recorder: '王', minutes: '含违禁词的内容' })
  ;(recordActivity as jest.Mock).mockRejectedValueOnce(new ApiCallError('CONTENT_REJECTED', '会议内容含有不适宜发布的内容，请修改后再提交', { field: 'minutes' }))
  render(<ActivityForm draftKey={RECORD} onSaved={jest.fn()} />)
  await act(async () => {
    fireEvent.click(screen.getByText('保存活动记录'))
  })
  expect(useDraftStore.getState().errors[RECORD].minutes).toBe('会议内容含有不适宜发布的内容，请修改后再提交')
  expect(screen.getByText(/草稿已保留/)).toBeTruthy()
  expect(useDraftStore.getState().drafts[RECORD].minutes).toBe('含违禁词的内容')
})

test('a record saved while a photo uploads is saved with the finished one and patched when the other arrives', async () => {
  openDraft(RECORD, 'record')
  fill(RECORD, { topic: '主题', place: '会议室', host: '李', recorder: '王', minutes: '内容' })
  let finishSecond: (id: string) => void = () => undefined
  ;(uploadFile as jest.Mock)
    .mockImplementationOnce((_s, _path, progress) => {
      progress?.(100)
      return Promise.resolve('cloud://env/1.jpg')
    })
    .mockImplementationOnce((_s, _path, progress) => {
      progress?.(40)
      return new Promise((resolve) => (finishSecond = resolve))
    })
  const pick = (n: string) => ({ source: { blob: new Blob(['x']), name: `${n}.jpg` }, preview: `data:${n}`, bytes: 300_000, originalBytes: 2_500_000 })
  await act(async () => {
    useDraftStore.getState().addPhotos(RECORD, [pick('a'), pick('b')])
  })
  render(<ActivityForm draftKey={RECORD} onSaved={jest.fn()} />)
  expect(screen.getByText('1 张照片上传中')).toBeTruthy()
  expect(screen.getByText('40%')).toBeTruthy()

  ;(recordActivity as jest.Mock).mockResolvedValueOnce(saved({ version: 1 }))
  ;(updateActivity as jest.Mock).mockResolvedValueOnce(saved({ version: 2 }))
  await act(async () => {
    fireEvent.click(screen.getByText('保存活动记录（1 张照片稍后补充）'))
  })
  expect((recordActivity as jest.Mock).mock.calls[0][0].photos).toEqual(['cloud://env/1.jpg'])
  expect(useDraftStore.getState().drafts[RECORD]).toBeUndefined()
  expect(useDraftStore.getState().drafts[draftKey.pending('act-1')]).toBeDefined()
  expect(updateActivity).not.toHaveBeenCalled()

  await act(async () => {
    finishSecond('cloud://env/2.jpg')
  })
  expect(updateActivity).toHaveBeenCalledWith({ id: 'act-1', expectedVersion: 1, photos: ['cloud://env/1.jpg', 'cloud://env/2.jpg'] })
  expect(useDraftStore.getState().drafts[draftKey.pending('act-1')]).toBeUndefined()
  expect(attendanceSheet).toHaveBeenCalled()
})

/** Renders and lets the form's own loads (attendance sheet, work points) settle inside act. */
async function settle(ui: React.ReactElement) {
  await act(async () => {
    render(ui)
    await new Promise((r) => setTimeout(r, 0))
  })
}

test('a refused record lists every missing field next to the button and scrolls to the first one', async () => {
  const Taro = jest.requireActual('@tarojs/taro').default
  openDraft(RECORD, 'record')
  await settle(<ActivityForm draftKey={RECORD} onSaved={jest.fn()} />)
  await act(async () => {
    fireEvent.click(screen.getByText('保存活动记录'))
  })
  const summary = screen.getByText('还有 5 处需要修改：').parentElement!
  expect(summary.textContent).toBe('还有 5 处需要修改：主题地点主持人记录人会议内容')
  // The errors are far above the button: the page goes to the first (主题).
  expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#field-topic' }))
  expect(recordActivity).not.toHaveBeenCalled()
  // Tapping a name in the summary goes to that field.
  fireEvent.click(within(summary).getByText('会议内容'))
  expect(Taro.pageScrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ selector: '#field-minutes' }))
})

test('pasted minutes are never cut: 12,000 characters stay whole and counted; past 20,000 the save names the excess', async () => {
  openDraft(RECORD, 'record')
  const long = '会议记录正文。'.repeat(2000) // 14,000 characters: more than the old 5,000 bound
  fill(RECORD, { topic: '学习', place: '会议室', host: '李建国', recorder: '王芳', minutes: long })
  await settle(<ActivityForm draftKey={RECORD} onSaved={jest.fn()} />)
  expect(screen.getByText('14000 / 20000')).toBeTruthy()
  expect(useDraftStore.getState().drafts[RECORD].minutes).toHaveLength(14000)
  expect(validateDraft(useDraftStore.getState().drafts[RECORD]).minutes).toBeUndefined()

  fill(RECORD, { minutes: 'x'.repeat(20005) })
  expect(screen.getByText('超出 5 字 · 20005 / 20000')).toBeTruthy()
  await act(async () => {
    fireEvent.click(screen.getByText('保存活动记录'))
  })
  expect(screen.getByText('会议内容有 20005 字，超过上限 20000 字，请删减 5 字')).toBeTruthy()
  expect(useDraftStore.getState().drafts[RECORD].minutes).toHaveLength(20005)
  expect(recordActivity).not.toHaveBeenCalled()
})

test('attendance starts from the evidence: sign-ins, host, recorder and lecturer present, the rest absent; 全部出席; reasons only for those left', async () => {
  openDraft(RECORD, 'record')
  const member = (memberId: string, name: string, signedInAt?: string) => ({ memberId, name, partyStatus: 'full' as const, present: false, groupName: null, ...(signedInAt ? { signedInAt } : {}) })
  fill(RECORD, { type: 'party_lecture', topic: '党课', place: '室', host: '李建国', recorder: '王芳', lecturer: '支部书记 周婷', minutes: '内容' })
  const sheet = [member('m1', '李建国'), member('m2', '王芳'), member('m3', '周婷'), member('m4', '赵磊', '2026-11-23T05:40:00.000Z'), member('m5', '孙丽')]
  // The form loads the sheet itself too: the same five.
  ;(attendanceSheet as jest.Mock).mockResolvedValue({ expected: 5, present: 0, voters: 5, attendees: sheet })
  act(() => useDraftStore.getState().setSheet(RECORD, sheet))
  const d = () => useDraftStore.getState().drafts[RECORD]
  // Only 孙丽 neither signed in nor led the session: she alone starts absent and is asked for a reason.
  expect(attendanceCounts(d())).toMatchObject({ expected: 5, present: 4, absent: 1 })
  expect(validateDraft(d()).attendance).toBe('请填写缺席原因：孙丽')

  await settle(<ActivityForm draftKey={RECORD} onSaved={jest.fn()} />)
  // The words agree with the marks (#16 review: it said 待确认 while the toggle showed 缺席): 孙丽 is 缺席, asked for a reason.
  expect(screen.getByText('已签到和主持、记录、授课的人已记为出席；其余 1 人记为缺席，请填写原因，或改为出席')).toBeTruthy()
  expect(document.querySelectorAll('.attend__opt--absent')).toHaveLength(1)
  act(() => {
    fireEvent.click(screen.getByText('全部出席', { selector: '.attend__bulk-btn' }))
  })
  expect(attendanceCounts(d())).toMatchObject({ present: 5, absent: 0 })
  expect(validateDraft(d()).attendance).toBeUndefined()
})

test('a draft can be thrown away: asked twice, then it is gone and the editor closes', async () => {
  const Taro = jest.requireActual('@tarojs/taro').default
  openDraft(RECORD, 'record')
  fill(RECORD, { topic: '不再需要的记录' })
  await settle(<ActivityForm draftKey={RECORD} onSaved={jest.fn()} />)
  fireEvent.click(screen.getByText('放弃草稿'))
  expect(screen.getByText('放弃这份草稿？已填写的内容和照片都会删除。')).toBeTruthy()
  await act(async () => {
    fireEvent.click(screen.getByText('放弃'))
  })
  expect(useDraftStore.getState().drafts[RECORD]).toBeUndefined()
  expect(Taro.navigateBack).toHaveBeenCalled()
  expect(recordActivity).not.toHaveBeenCalled()
})
