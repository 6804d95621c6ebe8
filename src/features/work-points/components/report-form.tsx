/**
 * 汇报进展 for secretaries and 支委: a note, activities of the branch as evidence, photos (uploaded as soon as they are
 * picked), and 标记完成. One clientRequestId per draft, so a retried send never reports twice.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Field, TextInput } from '../../../components/form'
import { formatShortDate } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { validateReport } from '../logic'
import { newRequestId, usePointStore } from '../point-store'
import { PhotoInput, type PickedPhoto } from '../../../components/photo-input'
import './point-view.scss'

interface Tile {
  key: number
  preview: string
  fileID: string | null
  error: string | null
}

export function ReportForm({ branchId, done }: { branchId: string; done: boolean }) {
  const activities = usePointStore((s) => s.activities)
  const activitiesStatus = usePointStore((s) => s.activitiesStatus)
  const loadActivities = usePointStore((s) => s.loadActivities)
  const uploadPhoto = usePointStore((s) => s.uploadPhoto)
  const report = usePointStore((s) => s.report)
  const [note, setNote] = useState('')
  const [activityIds, setActivityIds] = useState<string[]>([])
  const [tiles, setTiles] = useState<Tile[]>([])
  const [markDone, setMarkDone] = useState(false)
  const [draftId, setDraftId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void loadActivities(branchId)
  }, [branchId, loadActivities])

  const uploading = tiles.some((t) => !t.fileID && !t.error)
  const onPicked = (picked: PickedPhoto[]) => {
    const base = Date.now()
    const fresh = picked.map((p, i) => ({ key: base + i, preview: p.preview, fileID: null, error: null }))
    setTiles((t) => [...t, ...fresh])
    picked.forEach((p, i) => {
      const key = base + i
      uploadPhoto(draftId, key, p.source).then(
        (fileID) => setTiles((t) => t.map((x) => (x.key === key ? { ...x, fileID } : x))),
        (e: Error) => setTiles((t) => t.map((x) => (x.key === key ? { ...x, error: e.message || '上传失败' } : x))),
      )
    })
  }

  const submit = async () => {
    const photos = tiles.flatMap((t) => (t.fileID ? [t.fileID] : []))
    const problem = validateReport({ note, activityIds, photoCount: photos.length, markDone })
    if (problem) {
      setError(problem)
      return
    }
    setBusy(true)
    setError(null)
    try {
      await report({ note, activityIds, photos, markDone, clientRequestId: draftId })
      setNote('')
      setActivityIds([])
      setTiles([])
      setMarkDone(false)
      setDraftId(newRequestId())
      void Taro.showToast({ title: markDone ? '已标记完成' : '已提交', icon: 'success' })
    } catch (e) {
      setError((e as Error).message || '提交失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='report-form' {...testId('report-form')}>
      <Text className='report-form__head'>{done ? '补充进展' : '汇报进展'}</Text>
      <Field label='进展说明'>
        <TextInput multiline maxlength={2000} value={note} onChange={setNote} placeholder='做了什么、取得什么效果' id='report-note' />
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
                onClick={() => setActivityIds(on ? activityIds.filter((x) => x !== act.id) : [...activityIds, act.id])}
                {...testId('report-activity')}
              >
                {on ? '✓ ' : ''}
                {act.topic}（{formatShortDate(act.startAt)}）
              </Text>
            )
          })}
        </View>
      </Field>
      <Field label={`照片（${tiles.length}/9）`}>
        <View className='report-form__photos'>
          {tiles.map((t) => (
            <View key={t.key} className='photo-tile' {...testId('report-photo')}>
              <Image className='photo-tile__img' src={t.preview} mode='aspectFill' />
              <Text className='photo-tile__remove' onClick={() => setTiles(tiles.filter((x) => x.key !== t.key))}>
                ×
              </Text>
              {!t.fileID ? <Text className='photo-tile__status'>{t.error ? '上传失败' : '上传中…'}</Text> : null}
            </View>
          ))}
          {tiles.length < 9 ? <PhotoInput remaining={9 - tiles.length} onPicked={onPicked} inputTestId='report-photo-input' /> : null}
        </View>
      </Field>
      {!done ? (
        <View className='report-form__check' onClick={() => setMarkDone(!markDone)} {...testId('report-done')}>
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
        {uploading ? '照片上传中…' : markDone ? '提交并标记完成' : '提交进展'}
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
