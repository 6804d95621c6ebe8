/**
 * 记录活动: type, topic, place, date and start time, up to nine photos uploaded as they are picked. Every keystroke
 * lands in the persisted draft; submit validates, saves once (the draft's clientRequestId) and hands the saved
 * activity to `onSaved`.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ActivitySummary } from '../../../../types/domain'
import { errorMessage } from '../../../services/api'
import { randomId } from '../../../lib/request-id'
import { testId } from '../../../lib/test-id'
import { uploadActivityPhoto } from '../api'
import { MAX_PHOTOS, PLACE_MAX, TOPIC_MAX, useDraftStore } from '../draft-store'
import { useActivitiesStore } from '../store'
import { DateField, TimeField, TypeSelect } from './form-controls'
import { PhotoInput, type PickedPhoto } from '../../../components/photo-input'
import './activity-form.scss'

const inputTestProps = (id: string) => (process.env.TARO_ENV === 'h5' ? { nativeProps: { 'data-testid': id } } : {})

interface Upload {
  key: string
  preview: string
  percent: number
  error?: string
}

export function ActivityForm({ onSaved }: { onSaved(activity: ActivitySummary): void }) {
  const draft = useDraftStore((s) => s.draft)
  const errors = useDraftStore((s) => s.errors)
  const submitting = useDraftStore((s) => s.submitting)
  const setField = useDraftStore((s) => s.setField)
  const addPhoto = useDraftStore((s) => s.addPhoto)
  const removePhoto = useDraftStore((s) => s.removePhoto)
  const submit = useDraftStore((s) => s.submit)
  const added = useActivitiesStore((s) => s.added)
  const [uploads, setUploads] = useState<Upload[]>([])

  if (!draft) return null
  const busyUploads = uploads.filter((u) => !u.error)
  const remaining = MAX_PHOTOS - draft.photos.length - busyUploads.length

  const patchUpload = (key: string, patch: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)))

  const onPicked = (picked: PickedPhoto[]) => {
    for (const p of picked.slice(0, Math.max(0, remaining))) {
      const key = randomId(10)
      setUploads((list) => [...list, { key, preview: p.preview, percent: 0 }])
      uploadActivityPhoto(draft.branchId, draft.clientRequestId, key, p.source, (percent) => patchUpload(key, { percent }))
        .then((fileID) => {
          addPhoto({ fileID, preview: p.preview })
          setUploads((list) => list.filter((u) => u.key !== key))
        })
        .catch((e) => patchUpload(key, { error: errorMessage(e) }))
    }
  }

  const onSubmit = async () => {
    if (busyUploads.length) {
      void Taro.showToast({ title: '照片还在上传，请稍候', icon: 'none' })
      return
    }
    const activity = await submit()
    if (activity) {
      added(activity)
      onSaved(activity)
    }
  }

  const preview = (fileID: string, p?: string) => p || fileID

  return (
    <View className='activity-form'>
      <View className='activity-form__field'>
        <Text className='activity-form__label'>活动类型</Text>
        <TypeSelect value={draft.type} onChange={(v) => setField('type', v)} />
        {errors.type ? <Text className='activity-form__error'>{errors.type}</Text> : null}
      </View>

      <View className='activity-form__field'>
        <Text className='activity-form__label'>主题</Text>
        <Input
          className='form-control'
          value={draft.topic}
          maxlength={TOPIC_MAX}
          placeholder='例如：学习贯彻全会精神'
          onInput={(e) => setField('topic', e.detail.value)}
          {...inputTestProps('activity-topic')}
        />
        {errors.topic ? <Text className='activity-form__error' {...testId('error-topic')}>{errors.topic}</Text> : null}
      </View>

      <View className='activity-form__field'>
        <Text className='activity-form__label'>地点</Text>
        <Input
          className='form-control'
          value={draft.place}
          maxlength={PLACE_MAX}
          placeholder='例如：学会 302 会议室'
          onInput={(e) => setField('place', e.detail.value)}
          {...inputTestProps('activity-place')}
        />
        {errors.place ? <Text className='activity-form__error' {...testId('error-place')}>{errors.place}</Text> : null}
      </View>

      <View className='activity-form__row'>
        <View className='activity-form__field activity-form__field--half'>
          <Text className='activity-form__label'>日期</Text>
          <DateField value={draft.date} onChange={(v) => setField('date', v)} />
          {errors.date ? <Text className='activity-form__error'>{errors.date}</Text> : null}
        </View>
        <View className='activity-form__field activity-form__field--half'>
          <Text className='activity-form__label'>开始时间</Text>
          <TimeField value={draft.time} onChange={(v) => setField('time', v)} />
          {errors.time ? <Text className='activity-form__error'>{errors.time}</Text> : null}
        </View>
      </View>

      <View className='activity-form__field'>
        <Text className='activity-form__label'>
          现场照片（{draft.photos.length}/{MAX_PHOTOS}）
        </Text>
        <View className='activity-form__photos'>
          {draft.photos.map((p) => (
            <View key={p.fileID} className='photo-tile' {...testId('activity-photo')}>
              <Image className='photo-tile__img' src={preview(p.fileID, p.preview)} mode='aspectFill' />
              <Text className='photo-tile__remove' onClick={() => removePhoto(p.fileID)}>
                ×
              </Text>
            </View>
          ))}
          {uploads.map((u) => (
            <View key={u.key} className='photo-tile photo-tile--uploading' {...testId('activity-photo-uploading')}>
              <Image className='photo-tile__img' src={u.preview} mode='aspectFill' />
              <View className='photo-tile__mask'>
                {u.error ? (
                  <Text className='photo-tile__status' onClick={() => setUploads((l) => l.filter((x) => x.key !== u.key))}>
                    上传失败 ×
                  </Text>
                ) : (
                  <Text className='photo-tile__status'>{u.percent}%</Text>
                )}
              </View>
              <View className='photo-tile__bar' style={{ width: `${u.percent}%` }} />
            </View>
          ))}
          {remaining > 0 ? <PhotoInput remaining={remaining} onPicked={onPicked} inputTestId='activity-photo-input' /> : null}
        </View>
        {uploads.some((u) => u.error) ? (
          <Text className='activity-form__error'>{uploads.find((u) => u.error)?.error}</Text>
        ) : null}
      </View>

      {errors.form ? (
        <Text className='activity-form__error activity-form__error--form' {...testId('activity-form-error')}>
          {errors.form}
        </Text>
      ) : null}
      <Text className='activity-form__saved'>草稿已自动保存在本机</Text>
      <Button
        type='primary'
        size='large'
        block
        loading={submitting}
        disabled={submitting}
        onClick={onSubmit}
        {...testId('activity-submit')}
      >
        保存活动记录
      </Button>
    </View>
  )
}
