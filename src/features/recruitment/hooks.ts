/**
 * The 发展党员 screens' calls (issue #17: components go through a feature's store or hooks, never its api.ts): a
 * person's file with its writes, the step form's roster and meetings, and the list page's entries.
 */
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { PickedFile } from '../../components/file-pick'
import { newClientRequestId } from '../../lib/request-id'
import { uploads, useUploadQueue } from '../../lib/upload-queue'
import type { ActionInput } from '../../../types/actions'
import { extensionOf } from '../../../types/recruitment'
import { errorMessage } from '../../services/api'
import { attachFiles, correctStep, detachFile, fileLink, fromRoster, getRecruit, listCongresses, listRoster, recordStep, recruitmentOverview, setMaterial, type MaterialFile, type RecruitDetail, type RecruitOverview } from './api'

/** One person's file: loaded when `ready`; writes keep the answer (or the error) for the screen. */
export function useRecruitFile(id: string, ready: boolean) {
  const [detail, setDetail] = useState<RecruitDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [writeError, setWriteError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () => {
    setError(null)
    getRecruit(id).then(setDetail, (e) => setError(errorMessage(e)))
  }
  useEffect(() => {
    if (ready && id) load()
  }, [ready, id])
  const write = async (run: () => Promise<RecruitDetail>): Promise<boolean> => {
    setBusy(true)
    setWriteError(null)
    try {
      setDetail(await run())
      return true
    } catch (e) {
      setWriteError(errorMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  return {
    detail,
    setDetail,
    error,
    writeError,
    busy,
    load,
    setMaterial: (input: ActionInput<'recruitment.material'>) => write(() => setMaterial(input)),
    attach: (input: ActionInput<'recruitment.attach'>) => write(() => attachFiles(input)),
    detach: (input: ActionInput<'recruitment.detach'>) => write(() => detachFile(input)),
    correct: (input: ActionInput<'recruitment.correct'>) => write(() => correctStep(input)),
  }
}

/** The branch's 正式党员 (培养联系人, 入党介绍人) and recorded 支部党员大会, for the step form. */
export const loadFullMembers = async (branchId: string) => (await listRoster(branchId)).items.filter((m) => m.partyStatus === 'full').map((m) => ({ id: m.id, name: m.name }))
export const loadCongresses = (branchId: string) => listCongresses(branchId)
export const saveStep = recordStep

/** The list page: a new applicant, a roster 预备党员's 转正 file, and the roster's 预备党员. */
export const startFromRoster = fromRoster
export const loadProbationers = async (branchId: string) =>
  (await listRoster(branchId)).items.filter((m) => m.partyStatus === 'probationary').map((m) => ({ id: m.id, name: m.name, joinedPartyOn: m.joinedPartyOn }))

/** A history line's dates as the app writes them: 2026-12-03 → 2026年12月3日. */
export const readableDates = (text: string) => text.replace(/(\d{4})-(\d{2})-(\d{2})/g, (_m, y: string, mo: string, d: string) => `${y}年${Number(mo)}月${Number(d)}日`)

/** The committee's overview: people per status per branch and every overdue step. */
export function useRecruitOverview() {
  const [data, setData] = useState<RecruitOverview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () => {
    setError(null)
    recruitmentOverview().then(setData, (e) => setError(errorMessage(e)))
  }
  useEffect(load, [])
  return { data, error, load }
}

/**
 * Opens one of the person's files: its short-lived link from the function (recruitment.file: keepers only, audited),
 * then a picture full screen (previewImage) and a document downloaded and opened under its name (openDocument; in the browser, the
 * link with download="<name>"). Answers the error's words, or null.
 */
export async function openMaterialFile(recruitId: string, file: MaterialFile): Promise<string | null> {
  let link: { url: string; kind: 'image' | 'document' }
  try {
    link = await fileLink(recruitId, file.fileID)
  } catch (e) {
    return errorMessage(e)
  }
  if (link.kind === 'image') {
    await Taro.previewImage({ urls: [link.url], current: link.url }).catch(() => undefined)
    return null
  }
  // Under its original name (users' walk: 入党申请书扫描件.pdf arrived as application-mx7c….pdf, the stored random
  // name). In the browser as the year-end export does (dashboard open-file.h5.tsx): a same-origin link with
  // download="<name>"; the storage serves it without a header filename, so the attribute names it.
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = link.url
    a.download = file.name
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return null
  }
  void Taro.showLoading({ title: '正在打开…' })
  try {
    const { tempFilePath } = await Taro.downloadFile({ url: link.url })
    // In WeChat: copied to the user's folder under the original name, so the viewer's title and 转发 / 保存 carry it.
    const fileType = extensionOf(file.name) as 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx'
    let filePath = tempFilePath
    try {
      const named = `${Taro.env.USER_DATA_PATH}/${file.name.replace(/[\\/:*?"<>|]/g, '_')}`
      Taro.getFileSystemManager().copyFileSync(tempFilePath, named)
      filePath = named
    } catch {
      // No room or an odd name: opened under the temporary name rather than not at all.
    }
    await Taro.openDocument({ filePath, fileType, showMenu: true })
    return null
  } catch {
    return `${file.name} 打开失败，请稍后重试`
  } finally {
    Taro.hideLoading()
  }
}

const UPLOAD_OWNER = 'recruitment'

/**
 * Checklist files through the shared upload queue (src/lib/upload-queue.ts): a file uploads as soon as it is picked,
 * under the caller's own folder, recruitment/<branchId>/<openid>/ (`uploadFolder` from recruitment.get: the storage rule
 * lets nobody else write there, and recruitment.attach takes only files from it); once uploaded it is added, with its name, to what
 * the material has now (recruitment.attach appends in the cloud, and this file's attaches go one at a time: two
 * uploads finishing together both stay — the whole list was sent before, and the second list dropped the first).
 * Jobs of this file are shown per material with their state.
 */
export function useMaterialUploads(file: ReturnType<typeof useRecruitFile>) {
  const jobs = useUploadQueue((s) => s.jobs)
  const latest = useRef(file)
  latest.current = file
  const chain = useRef<Promise<unknown>>(Promise.resolve())
  // Uploaded files being added to the person's file now; an uploaded one not in here (its save failed, or the page
  // was closed before it) is offered again with a tap.
  const [saving, setSaving] = useState<Record<string, true>>({})
  const save = (jobKey: string) => {
    const job = uploads.get(jobKey)
    const [recruitId, key] = jobKey.split('.')
    const d = latest.current.detail
    const m = d?.materials.find((x) => x.key === key)
    if (!job || job.status !== 'done' || !job.fileID || !d || d.id !== recruitId || !m) return
    const fileID = job.fileID
    setSaving((s) => ({ ...s, [jobKey]: true }))
    chain.current = chain.current.then(() =>
      latest.current.attach({ recruitId, key: m.key, files: [{ fileID, name: job.name }] }).then((ok) => {
        setSaving(({ [jobKey]: _done, ...rest }) => rest)
        if (ok) uploads.forget(jobKey)
      }),
    )
  }
  useEffect(() => uploads.onSettled(UPLOAD_OWNER, (job) => save(job.key)), [])
  return {
    /** Uploads of this person's material `key` still in the queue (uploading, failed, or uploaded and being saved / to save again). */
    pending: (recruitId: string, key: string) =>
      Object.values(jobs)
        .filter((j) => j.owner === UPLOAD_OWNER && j.key.startsWith(`${recruitId}.${key}.`))
        .map((j) => ({ ...j, saving: !!saving[j.key] })),
    /** `folder`: the person file's `uploadFolder` (recruitment/<branchId>/<openid>/); the name is random, never the picked one. */
    add(folder: string, recruitId: string, key: string, picked: PickedFile[]) {
      for (const p of picked) {
        const id = newClientRequestId()
        uploads.add({ key: `${recruitId}.${key}.${id}`, owner: UPLOAD_OWNER, cloudPath: `${folder}${key}-${id}.${extensionOf(p.name) || 'bin'}`, source: p.source })
      }
    },
    retry: (jobKey: string) => uploads.retry(jobKey),
    /** Adds an uploaded file whose save failed (or was cut off) to the person's file again. */
    saveAgain: save,
    drop: (jobKey: string) => uploads.forget(jobKey),
  }
}
