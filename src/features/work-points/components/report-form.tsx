/**
 * 汇报进展 for secretaries and 支委: a note, activities of the branch as evidence, photos and 书面材料 (PDF, Word,
 * Excel) uploaded as soon as they are picked through the shared queue (progress, 重试, restart after a killed app),
 * and 标记完成. The draft is kept per assignment (report-draft.ts) with one clientRequestId, so a retried send never
 * reports twice.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Field, TextInput } from '../../../components/form'
import { formatShortDate } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { isRequestReused } from '../../../lib/request-id'
import { validateReport } from '../logic'
import { usePointStore } from '../point-store'
import { MAX_EVIDENCE, uploadedOf, useReportDraftStore, type Evidence } from '../report-draft'
import { useUploadProgress } from '../../../lib/upload-queue'
import { PhotoInput, type PickedPhoto } from '../../../components/photo-input'
import { FileInput } from '../../../components/file-input'
import type { PickedFile } from '../../../components/file-pick'
import './point-view.scss'

export function ReportForm({ branchId, done }: { branchId: string; done: boolean }) {
  const assignmentId = usePointStore((s) => s.id) ?? ''
  const activities = usePointStore((s) => s.activities)
  const activitiesStatus = usePointStore((s) => s.activitiesStatus)
  const loadActivities = usePointStore((s) => s.loadActivities)
  const report = usePointStore((s) => s.report)
  const draft = useReportDraftStore((s) => s.drafts[assignmentId])
  const progress = useUploadProgress()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [refused, setRefused] = useState<string | null>(null)

  useEffect(() => {
    void loadActivities(branchId)
  }, [branchId, loadActivities])
  useEffect(() => {
    if (!assignmentId) return
    const store = useReportDraftStore.getState()
    store.open(assignmentId)
    store.resume()
  }, [assignmentId])

  if (!draft) return null
  const { note, activityIds, markDone } = draft
  const store = useReportDraftStore.getState()
  const set = (change: Parameters<typeof store.patch>[1]) => store.patch(assignmentId, change)
  const photos = draft.evidence.filter((e) => e.kind === 'photo')
  const files = draft.evidence.filter((e) => e.kind === 'file')
  const uploading = draft.evidence.some((e) => e.status === 'uploading')
  const onPicked = (picked: PickedPhoto[]) => store.add(assignmentId, 'photo', picked.map((p) => ({ source: p.source, name: p.source.name, preview: p.preview })))
  const onFiles = (picked: PickedFile[]) => store.add(assignmentId, 'file', picked)
  const tap = (e: Evidence) => (e.status === 'failed' ? store.retry(assignmentId, e.key) : undefined)
  const state = (e: Evidence) => (e.status === 'failed' ? '上传失败，点此重试' : e.status === 'uploading' ? `上传中 ${progress[e.key] ?? 0}%` : '')

  const submit = async () => {
    const sent = uploadedOf(draft)
    const problem = validateReport({ note, activityIds, photoCount: sent.photos.length, fileCount: sent.files.length, markDone })
    if (problem) {
      setError(problem)
      return
    }
    setBusy(true)
    setError(null)
    try {
      await report({ note, activityIds, ...sent, markDone, clientRequestId: draft.clientRequestId })
      store.sent(assignmentId)
      void Taro.showToast({ title: markDone ? '已标记完成' : '已提交', icon: 'success' })
    } catch (e) {
      if (isRequestReused(e)) store.renew(assignmentId)
      setError((e as Error).message || '提交失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='report-form' {...testId('report-form')}>
      <Text className='report-form__head'>{done ? '补充进展' : '汇报进展'}</Text>
      <Field label='进展说明'>
        <TextInput multiline maxlength={2000} value={note} onChange={(v) => set({ note: v })} placeholder='做了什么、取得什么效果' id='report-note' />
      </Field>
      <Field label='关联活动（作为佐证）'>
        {activitiesStatus === 'loading' ? <Text className='report-form__none'>正在加载支部活动…</Text> : null}
        {activitiesStatus === 'error' ? <Text className='report-form__none'>支部活动加载失败</Text> : null}
        {activitiesStatus === 'ready' && !activities.length ? <Text className='report-form__none'>支部还没有记录活动</Text> : null}
        <View className='chips'>
          {activities.map((act) => {
            const on = activityIds.includes(act.id)
            return (
              <Text
                key={act.id}
                className={`chips__chip ${on ? 'chips__chip--on' : ''}`}
                onClick={() => set({ activityIds: on ? activityIds.filter((x) => x !== act.id) : [...activityIds, act.id] })}
                {...testId('report-activity')}
              >
                {on ? '✓ ' : ''}
                {act.topic}（{formatShortDate(act.startAt)}）
              </Text>
            )
          })}
        </View>
      </Field>
      <Field label={`照片（${photos.length}/${MAX_EVIDENCE}）`}>
        <View className='report-form__photos'>
          {photos.map((t) => (
            <View key={t.key} className='photo-tile' onClick={() => tap(t)} {...testId('report-photo')}>
              <Image className='photo-tile__img' src={t.preview ?? ''} mode='aspectFill' />
              <Text className='photo-tile__remove' onClick={(ev) => (ev.stopPropagation(), store.remove(assignmentId, t.key))}>
                ×
              </Text>
              {t.status !== 'done' ? <Text className='photo-tile__status'>{t.status === 'failed' ? '上传失败，点此重试' : `上传中 ${progress[t.key] ?? 0}%`}</Text> : null}
            </View>
          ))}
          {photos.length < MAX_EVIDENCE ? <PhotoInput remaining={MAX_EVIDENCE - photos.length} onPicked={onPicked} inputTestId='report-photo-input' /> : null}
        </View>
      </Field>
      <Field label={`书面材料（${files.length}/${MAX_EVIDENCE}）`} error={refused}>
        {files.map((f) => (
          <View key={f.key} className='report-form__file' onClick={() => tap(f)} {...testId('report-file')}>
            <Text className='report-form__file-name'>{f.name}</Text>
            {f.status !== 'done' ? <Text className={f.status === 'failed' ? 'field__error' : 'report-form__none'}>{state(f)}</Text> : <Text className='report-form__none'>已上传</Text>}
            <Text className='report-form__file-remove' onClick={(ev) => (ev.stopPropagation(), store.remove(assignmentId, f.key))}>
              ×
            </Text>
          </View>
        ))}
        {files.length < MAX_EVIDENCE ? <FileInput remaining={MAX_EVIDENCE - files.length} onPicked={onFiles} onRefused={setRefused} inputTestId='report-file-input' /> : null}
      </Field>
      {!done ? (
        <View className='report-form__check' onClick={() => set({ markDone: !markDone })} {...testId('report-done')}>
          <Text className={`report-form__box ${markDone ? 'report-form__box--on' : ''}`}>{markDone ? '✓' : ''}</Text>
          <Text>标记完成</Text>
        </View>
      ) : null}
      {error ? (
        <Text className='field__error' {...testId('report-error')}>
          {error}
        </Text>
      ) : null}
      <Button type='primary' size='large' block loading={busy} disabled={uploading} onClick={() => void submit()} {...testId('report-submit')}>
        {uploading ? '照片、文件上传中…' : markDone ? '提交并标记完成' : '提交进展'}
      </Button>
    </View>
  )
}

export function ReopenForm() {
  const reopen = usePointStore((s) => s.reopen)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <View className='report-form' {...testId('reopen-form')}>
      <Text className='report-form__head'>重新打开</Text>
      <Field label='原因' error={error}>
        <TextInput value={reason} onChange={setReason} maxlength={200} placeholder='例如：佐证不足，请补充会议记录' id='reopen-reason' />
      </Field>
      <Button
        type='plain'
        block
        loading={busy}
        onClick={async () => {
          if (!reason.trim()) {
            setError('请填写重新打开的原因')
            return
          }
          setBusy(true)
          setError(null)
          try {
            await reopen(reason)
            setReason('')
            void Taro.showToast({ title: '已重新打开', icon: 'success' })
          } catch (e) {
            setError((e as Error).message)
          } finally {
            setBusy(false)
          }
        }}
        {...testId('reopen-submit')}
      >
        重新打开
      </Button>
    </View>
  )
}
