/**
 * The shared upload queue (src/lib/upload-queue.ts) and the stores persisted with `migrate`: progress, a retry after a
 * failure, a restart after a killed app from the weapp temp path, and a draft (and the session's branch) saved by the
 * previous persisted version restored, not dropped.
 */
import { act } from '@testing-library/react'
import { memoryStorage } from '../support/taro-shim'
import { uploadFile } from '../../src/services/api'
import { PICK_AGAIN, uploads, useUploadProgress, useUploadQueue } from '../../src/lib/upload-queue'
import { DRAFTS_VERSION, useDraftStore } from '../../src/features/activities/draft-store'
import { useSessionStore } from '../../src/features/session/store'

jest.mock('../../src/services/api', () => ({ ...jest.requireActual('../../src/services/api'), uploadFile: jest.fn() }))
jest.mock('../../src/features/activities/api', () => ({
  activityPhotoPath: (b: string, d: string, k: string) => `activities/${b}/${d}/${k}.jpg`,
  updateActivity: jest.fn(),
  getActivity: jest.fn(),
}))

const upload = uploadFile as jest.Mock
const flush = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => {
  upload.mockReset()
  uploads.reset()
  memoryStorage.clear()
})

test('a file uploads at once with its progress; a failure says why and a retry sends it again; the owner hears both', async () => {
  const heard: string[] = []
  uploads.onSettled('report', (job) => heard.push(`${job.key}:${job.status}`))
  upload.mockImplementationOnce((_s, _p, progress) => {
    progress(40)
    return Promise.reject(new Error('网络不可用，请检查网络后重试'))
  })
  uploads.add({ key: 'f1', owner: 'report', cloudPath: 'work-points/a1/d1/f1.pdf', source: { blob: new Blob(['%PDF']), name: '会议纪要.pdf' } })
  expect(upload).toHaveBeenCalledWith({ blob: expect.any(Blob), name: '会议纪要.pdf' }, 'work-points/a1/d1/f1.pdf', expect.any(Function))
  expect(useUploadProgress.getState().f1).toBe(40)
  await act(flush)
  expect(useUploadQueue.getState().jobs.f1).toMatchObject({ status: 'failed', error: '网络不可用，请检查网络后重试', name: '会议纪要.pdf' })
  upload.mockResolvedValueOnce('cloud://env/work-points/a1/d1/f1.pdf')
  uploads.retry('f1')
  await act(flush)
  expect(upload).toHaveBeenCalledTimes(2)
  expect(useUploadQueue.getState().jobs.f1).toMatchObject({ status: 'done', fileID: 'cloud://env/work-points/a1/d1/f1.pdf' })
  expect(heard).toEqual(['f1:failed', 'f1:done'])
})

test('after a killed app the queue restarts an upload from its weapp temp path; a Blob (H5) asks to pick the file again', async () => {
  // What the killed run left in storage: one weapp file (a temp path) and one H5 file (its Blob died with the page).
  const job = (key: string, extra: object) => ({ key, owner: 'report', cloudPath: `work-points/a1/d1/${key}.jpg`, name: `${key}.jpg`, status: 'uploading', ...extra })
  memoryStorage.set('branch-desk:uploads', JSON.stringify({ state: { jobs: { w1: job('w1', { filePath: 'wxfile://tmp/1.jpg' }), h1: job('h1', {}) } }, version: 1 }))
  await useUploadQueue.persist.rehydrate()
  upload.mockResolvedValue('cloud://env/work-points/a1/d1/w1.jpg')
  const heard: string[] = []
  const stop = uploads.onSettled('report', (j) => heard.push(`${j.key}:${j.status}`))
  uploads.resume('report')
  await act(flush)
  stop()
  expect(upload).toHaveBeenCalledTimes(1)
  expect(upload).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/1.jpg', name: 'w1.jpg' }, 'work-points/a1/d1/w1.jpg', expect.any(Function))
  expect(useUploadQueue.getState().jobs.w1.status).toBe('done')
  expect(useUploadQueue.getState().jobs.h1).toMatchObject({ status: 'failed', error: PICK_AGAIN })
  expect(heard.sort()).toEqual(['h1:failed', 'w1:done'])
  // A picked file's job is written as it starts, so the next run can find it.
  upload.mockReturnValue(new Promise(() => undefined))
  uploads.add({ key: 'w2', owner: 'report', cloudPath: 'work-points/a1/d1/w2.jpg', source: { filePath: 'wxfile://tmp/2.jpg', name: '2.jpg' } })
  expect(JSON.parse(memoryStorage.get('branch-desk:uploads') as string).state.jobs.w2).toMatchObject({ status: 'uploading', filePath: 'wxfile://tmp/2.jpg' })
})

test('a draft saved by persisted version 2 is restored, its missing fields filled, its pending photo uploaded on resume', async () => {
  // What version 2 wrote (draft-store.ts before the queue): no `lecturer`, a photo still uploading from a temp path.
  const v2Draft = {
    key: 'record:b1',
    mode: 'record',
    branchId: 'b1',
    clientRequestId: 'req-v2-0001',
    type: 'theme_day',
    topic: '学习党章',
    place: '三楼会议室',
    date: '2026-11-20',
    time: '09:30',
    endTime: '',
    groupId: '',
    groupName: '',
    host: '李明',
    recorder: '王芳',
    agenda: '',
    minutes: '集中学习',
    resolutions: '',
    voting: false,
    marks: {},
    sheet: [],
    assignmentIds: [],
    photos: [{ key: 'p1', preview: 'wxfile://tmp/p1.jpg', status: 'uploading', filePath: 'wxfile://tmp/p1.jpg' }],
    touchedAt: '2026-11-20T02:00:00.000Z',
  }
  memoryStorage.set('branch-desk:activity-drafts', JSON.stringify({ state: { drafts: { 'record:b1': v2Draft } }, version: 2 }))
  await useDraftStore.persist.rehydrate()
  upload.mockResolvedValue('cloud://env/activities/b1/req-v2-0001/p1.jpg')
  const d = useDraftStore.getState().drafts['record:b1']
  expect(d).toMatchObject({ topic: '学习党章', minutes: '集中学习', clientRequestId: 'req-v2-0001', lecturer: '' })
  useDraftStore.getState().resume()
  await act(flush)
  expect(upload).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/p1.jpg', name: 'p1.jpg' }, 'activities/b1/req-v2-0001/p1.jpg', expect.any(Function))
  expect(useDraftStore.getState().drafts['record:b1'].photos[0]).toMatchObject({ status: 'done', fileID: 'cloud://env/activities/b1/req-v2-0001/p1.jpg' })
  // Written back as the current version.
  expect(JSON.parse(memoryStorage.get('branch-desk:activity-drafts') as string).version).toBe(DRAFTS_VERSION)
})

test('a draft saved by the previous persisted version (3) is restored as typed, without the fields that left the draft', async () => {
  // What version 3 wrote: the draft with `touchedAt` and `groupName`, which nothing read.
  const v3Draft = {
    key: 'plan:b1',
    mode: 'plan',
    branchId: 'b1',
    clientRequestId: 'req-v3-0001',
    type: 'group_meeting',
    topic: '党小组学习',
    place: '二楼活动室',
    date: '2026-12-10',
    time: '15:00',
    endTime: '16:30',
    groupId: 'g1',
    groupName: '第一党小组',
    host: '李明',
    recorder: '',
    lecturer: '',
    agenda: '学习二十届四中全会精神',
    minutes: '',
    resolutions: '',
    voting: false,
    marks: {},
    sheet: [],
    assignmentIds: [],
    photos: [],
    touchedAt: '2026-12-01T02:00:00.000Z',
  }
  memoryStorage.set('branch-desk:activity-drafts', JSON.stringify({ state: { drafts: { 'plan:b1': v3Draft } }, version: 3 }))
  await useDraftStore.persist.rehydrate()
  expect(DRAFTS_VERSION).toBe(4)
  const d = useDraftStore.getState().drafts['plan:b1']
  expect(d).toMatchObject({ topic: '党小组学习', groupId: 'g1', agenda: '学习二十届四中全会精神', endTime: '16:30', clientRequestId: 'req-v3-0001' })
  expect(d).not.toHaveProperty('touchedAt')
  expect(d).not.toHaveProperty('groupName')
  useDraftStore.getState().setField('plan:b1', 'topic', '党小组专题学习')
  const stored = JSON.parse(memoryStorage.get('branch-desk:activity-drafts') as string)
  expect(stored.version).toBe(4)
  expect(stored.state.drafts['plan:b1']).toMatchObject({ topic: '党小组专题学习', groupId: 'g1' })
  expect(stored.state.drafts['plan:b1']).not.toHaveProperty('touchedAt')
})

test("the session's branch saved by an earlier version (0, before versions) is kept", async () => {
  memoryStorage.set('branch-desk:session', JSON.stringify({ state: { currentBranchId: 'b9', currentBranchName: '湖南省计算机学会党支部' }, version: 0 }))
  await useSessionStore.persist.rehydrate()
  expect(useSessionStore.getState()).toMatchObject({ currentBranchId: 'b9', currentBranchName: '湖南省计算机学会党支部' })
})

test('a failed photo of a draft shows 上传中 again the moment 重试 is tapped, and done when it arrives', async () => {
  const { draftKey, newDraft } = jest.requireActual('../../src/features/activities/draft-store')
  const key = draftKey.record('b1')
  useDraftStore.getState().open(key, () => newDraft(key, 'record', 'b1'))
  upload.mockRejectedValueOnce(new Error('网络不可用，请检查网络后重试'))
  useDraftStore.getState().addPhotos(key, [{ source: { blob: new Blob(['x']), name: 'a.jpg' }, preview: 'data:a' }])
  await act(flush)
  const photo = () => useDraftStore.getState().drafts[key].photos[0]
  expect(photo()).toMatchObject({ status: 'failed', error: '网络不可用，请检查网络后重试' })
  let arrive: (id: string) => void = () => undefined
  upload.mockReturnValueOnce(new Promise((r) => (arrive = r)))
  useDraftStore.getState().retryPhoto(key, photo().key)
  expect(photo().status).toBe('uploading')
  await act(async () => arrive('cloud://env/activities/b1/x/a.jpg'))
  expect(photo()).toMatchObject({ status: 'done', fileID: 'cloud://env/activities/b1/x/a.jpg' })
})
