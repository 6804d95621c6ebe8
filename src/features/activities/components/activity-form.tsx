/**
 * The session form in three modes: 计划活动 (plan: type with its required fields, time, place, host, audience),
 * 记录活动 (record: adds recorder, attendance from the roster, minutes, resolutions, photos, linked work points;
 * a voting 支部党员大会 shows its quorum) and 修改记录 (edit, with the version it started from). Every change lands
 * in the persisted draft (draft-store.ts); a refusal by the cloud names the field and keeps the draft.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ACTIVITY_TYPE_INFO } from '../../../../types/domain'
import { ACTIVITY_TYPE_RULES, AUDIENCE_WORDS, type ActivityField } from '../../../../types/activity-rules'
import { Button } from '../../../components/button'
import { ConfirmAction, Field, TextInput } from '../../../components/form'
import { SelectField } from '../../../components/pickers'
import { PhotoGrid, uploadSummary, type PhotoTile } from '../../../components/photo-grid'
import { testId } from '../../../lib/test-id'
import type { ActivityFull } from '../api'
import { useBranchGroups, useDraftSheet, useOpenPoints } from '../hooks'
import { fullPictures, LONG_MAX, MAX_PHOTOS, MINUTES_MAX, NAME_MAX, pendingPhotos, PLACE_MAX, TOPIC_MAX, useDraftStore, useUploadProgress, type ActivityDraft } from '../draft-store'
import { AttendanceCounts, AttendanceEditor } from './attendance-editor'
import { DateField, revealField, TimeField, TypeSelect } from './form-controls'
import './activity-form.scss'

const SUBMIT_LABEL = { plan: '保存计划', record: '保存活动记录', edit: '保存修改' } as const

/** The form's fields top to bottom, with the names the summary near the button uses. */
const FIELD_ORDER = [
  ['type', '活动类型'],
  ['topic', '主题'],
  ['place', '地点'],
  ['date', '日期'],
  ['time', '开始时间'],
  ['endTime', '结束时间'],
  ['groupId', '党小组'],
  ['lecturer', '授课人'],
  ['host', '主持人'],
  ['recorder', '记录人'],
  ['agenda', '议程'],
  ['attendance', '出席情况'],
  ['minutes', '会议内容'],
  ['resolutions', '决议'],
  ['photos', '现场照片'],
] as const
type FieldKey = (typeof FIELD_ORDER)[number][0]
const anchorOf = (k: FieldKey) => `field-${k}`

export function photoTiles(d: ActivityDraft, progress: Record<string, number>): PhotoTile[] {
  return d.photos.map((p) => ({
    key: p.key,
    src: p.preview,
    full: fullPictures.get(p.key) ?? (p.status === 'done' && /^https?:/.test(p.preview) ? p.preview : undefined),
    status: p.status,
    percent: p.status === 'done' ? 100 : (progress[p.key] ?? 0),
    error: p.error,
    bytes: p.bytes,
    originalBytes: p.originalBytes,
  }))
}

export function ActivityForm({ draftKey, onSaved }: { draftKey: string; onSaved(activity: ActivityFull, pendingPhotos: number): void }) {
  const draft = useDraftStore((s) => s.drafts[draftKey])
  const errors = useDraftStore((s) => s.errors[draftKey]) ?? {}
  const submitting = useDraftStore((s) => !!s.submitting[draftKey])
  const progress = useUploadProgress()
  const store = useDraftStore.getState()

  const mode = draft?.mode
  const branchId = draft?.branchId
  const type = draft?.type
  const groupId = draft?.groupId
  const needsGroup = !!type && ACTIVITY_TYPE_RULES[type].fields.includes('groupId')

  const groups = useBranchGroups(branchId, needsGroup)
  const points = useOpenPoints(branchId, mode !== 'plan')
  // The roster of the audience: again when the type, the group or the day changes (a 支委会 expects only the committee).
  const { state: sheetState, reload: loadSheet } = useDraftSheet(draftKey, needsGroup, [mode, type, groupId, draft?.date])

  if (!draft) return null
  const rules = ACTIVITY_TYPE_RULES[draft.type]
  const need = new Set<ActivityField>(draft.mode === 'plan' ? rules.planRequires : rules.recordRequires)
  const label = (f: ActivityField, text: string) => (need.has(f) ? `${text}` : `${text}（选填）`)
  const set = <K extends keyof ActivityDraft>(field: K, value: ActivityDraft[K]) => store.setField(draftKey, field, value)
  const recording = draft.mode !== 'plan'
  const tiles = photoTiles(draft, progress)
  const pending = pendingPhotos(draft)
  const uploads = uploadSummary(tiles)

  const onSubmit = async () => {
    const saved = await useDraftStore.getState().submit(draftKey)
    if (saved) return onSaved(saved, pending)
    // Refused: the errors may be far above the button, so go to the first one (and focus it where the platform can).
    const now = useDraftStore.getState().errors[draftKey] ?? {}
    const first = FIELD_ORDER.find(([k]) => now[k])
    if (first) revealField(anchorOf(first[0]))
  }
  const listed = FIELD_ORDER.filter(([k]) => errors[k])

  return (
    <View className='activity-form' {...testId(`activity-form-${draft.mode}`)}>
      <Field label='活动类型' error={errors.type} anchor={anchorOf('type')}>
        <TypeSelect value={draft.type} onChange={(v) => set('type', v)} />
        <Text className='activity-form__hint'>
          {ACTIVITY_TYPE_INFO[draft.type].name}：
          {{ month: '一般每月一次', quarter: '一般每季度一次', year: '一般每年一次' }[ACTIVITY_TYPE_INFO[draft.type].frequency]}
          ，参加人为{AUDIENCE_WORDS[rules.audience]}
        </Text>
      </Field>

      <Field label='主题' error={errors.topic} errorId='error-topic' anchor={anchorOf('topic')}>
        <TextInput value={draft.topic} maxlength={TOPIC_MAX} placeholder='例如：学习贯彻全会精神' onChange={(v) => set('topic', v)} id='activity-topic' />
      </Field>
      <Field label='地点' error={errors.place} errorId='error-place' anchor={anchorOf('place')}>
        <TextInput value={draft.place} maxlength={PLACE_MAX} placeholder='例如：学会 302 会议室' onChange={(v) => set('place', v)} id='activity-place' />
      </Field>

      <View className='activity-form__row'>
        <View className='activity-form__half'>
          <Field label='日期' error={errors.date} anchor={anchorOf('date')}>
            <DateField value={draft.date} onChange={(v) => set('date', v)} />
          </Field>
        </View>
        <View className='activity-form__half'>
          <Field label='开始时间' error={errors.time} anchor={anchorOf('time')}>
            <TimeField value={draft.time} onChange={(v) => set('time', v)} />
          </Field>
        </View>
      </View>
      <Field label='结束时间（选填）' error={errors.endTime} anchor={anchorOf('endTime')}>
        <TimeField value={draft.endTime} onChange={(v) => set('endTime', v)} id='activity-end-time' placeholder='不填则签到到开始后 3 小时' />
      </Field>

      {needsGroup ? (
        <Field label='党小组' error={errors.groupId ?? (groups.status === 'error' ? groups.error : null)} errorId='error-group' anchor={anchorOf('groupId')}>
          {groups.status === 'ready' && !groups.items.length ? (
            <Text className='activity-form__hint'>支部还没有党小组，请先在“我的 → 支部”中添加</Text>
          ) : (
            <SelectField
              value={draft.groupId}
              options={[{ value: '', label: groups.status === 'loading' ? '正在加载党小组…' : '请选择党小组' }, ...groups.items.map((g) => ({ value: g.id, label: g.name }))]}
              onChange={(v) => set('groupId', v)}
              id='activity-group'
            />
          )}
        </Field>
      ) : null}

      {rules.fields.includes('lecturer') ? (
        <Field label={label('lecturer', '授课人')} error={errors.lecturer} errorId='error-lecturer' anchor={anchorOf('lecturer')}>
          <TextInput value={draft.lecturer} maxlength={NAME_MAX} placeholder='例如：支部书记 李明' onChange={(v) => set('lecturer', v)} id='activity-lecturer' />
        </Field>
      ) : null}

      <View className='activity-form__row'>
        <View className='activity-form__half'>
          <Field label={label('host', '主持人')} error={errors.host} errorId='error-host' anchor={anchorOf('host')}>
            <TextInput value={draft.host} maxlength={NAME_MAX} placeholder='姓名' onChange={(v) => set('host', v)} id='activity-host' />
          </Field>
        </View>
        {recording ? (
          <View className='activity-form__half'>
            <Field label={label('recorder', '记录人')} error={errors.recorder} errorId='error-recorder' anchor={anchorOf('recorder')}>
              <TextInput value={draft.recorder} maxlength={NAME_MAX} placeholder='姓名' onChange={(v) => set('recorder', v)} id='activity-recorder' />
            </Field>
          </View>
        ) : null}
      </View>

      <Field label='议程（选填）' error={errors.agenda} anchor={anchorOf('agenda')}>
        <TextInput multiline value={draft.agenda} limit={LONG_MAX} placeholder='一、…  二、…' onChange={(v) => set('agenda', v)} id='activity-agenda' />
      </Field>

      {recording ? (
        <>
          <Field label='出席情况' error={errors.attendance} errorId='error-attendance' anchor={anchorOf('attendance')}>
            <AttendanceCounts draft={draft} showQuorum={rules.canVote && draft.voting} />
            {rules.canVote ? (
              <View className='activity-form__check' onClick={() => set('voting', !draft.voting)} {...testId('activity-voting')}>
                <Text className={`activity-form__box ${draft.voting ? 'activity-form__box--on' : ''}`}>{draft.voting ? '✓' : ''}</Text>
                <Text>本次大会有表决事项（须超过半数有表决权的党员到会）</Text>
              </View>
            ) : null}
            {sheetState.status === 'loading' && !draft.sheet.length ? <Text className='activity-form__hint'>正在加载出席名单…</Text> : null}
            {sheetState.status === 'error' ? (
              <View className='activity-form__inline-error'>
                <Text>出席名单加载失败：{sheetState.error}</Text>
                <Text className='activity-form__link' onClick={loadSheet}>
                  重试
                </Text>
              </View>
            ) : null}
            {sheetState.status === 'ready' && !draft.sheet.length ? (
              <Text className='activity-form__hint'>{needsGroup && !draft.groupId ? '先选择党小组，再标记出席' : '名单中没有党员'}</Text>
            ) : null}
            <AttendanceEditor draft={draft} onMark={(id, mark) => store.setMark(draftKey, id, mark)} onAllPresent={() => store.markAllPresent(draftKey)} />
          </Field>

          <Field label={label('minutes', '会议内容')} error={errors.minutes} errorId='error-minutes' anchor={anchorOf('minutes')}>
            <TextInput multiline value={draft.minutes} limit={MINUTES_MAX} placeholder='发言要点、学习内容…' onChange={(v) => set('minutes', v)} id='activity-minutes' />
          </Field>
          <Field label={label('resolutions', '决议')} error={errors.resolutions} errorId='error-resolutions' anchor={anchorOf('resolutions')}>
            <TextInput multiline value={draft.resolutions} limit={LONG_MAX} placeholder='形成的决议或下一步安排' onChange={(v) => set('resolutions', v)} id='activity-resolutions' />
          </Field>

          <Field label={`现场照片（${draft.photos.length}/${MAX_PHOTOS}）`} error={errors.photos} anchor={anchorOf('photos')}>
            <PhotoGrid
              tiles={tiles}
              max={MAX_PHOTOS}
              inputTestId='activity-photo-input'
              onPicked={(picked) => store.addPhotos(draftKey, picked)}
              onRetry={(k) => store.retryPhoto(draftKey, k)}
              onRemove={(k) => store.removePhoto(draftKey, k)}
              onMove={(k, by) => store.movePhoto(draftKey, k, by)}
            />
            {uploads ? (
              <Text className='activity-form__uploads' {...testId('photo-upload-status')}>
                {uploads}
              </Text>
            ) : null}
          </Field>

          <Field label='关联工作要点（选填）'>
            {points.status === 'loading' ? <Text className='activity-form__hint'>正在加载工作要点…</Text> : null}
            {points.status === 'error' ? <Text className='activity-form__hint'>工作要点加载失败：{points.error}</Text> : null}
            {points.status === 'ready' && !points.items.length ? <Text className='activity-form__hint'>支部暂无工作要点</Text> : null}
            <View className='chips'>
              {points.items.map((p) => {
                const on = draft.assignmentIds.includes(p.id)
                return (
                  <Text
                    key={p.id}
                    className={`chips__chip ${on ? 'chips__chip--on' : ''}`}
                    onClick={() => set('assignmentIds', on ? draft.assignmentIds.filter((x) => x !== p.id) : [...draft.assignmentIds, p.id].slice(0, 20))}
                    {...testId('activity-point')}
                  >
                    {on ? '✓ ' : ''}
                    {p.title}
                  </Text>
                )
              })}
            </View>
          </Field>
        </>
      ) : null}

      {listed.length ? (
        <View className='activity-form__summary' {...testId('activity-error-summary')}>
          <Text>{`还有 ${listed.length} 处需要修改：`}</Text>
          {listed.map(([k, name]) => (
            <Text key={k} className='activity-form__summary-item' onClick={() => revealField(anchorOf(k))} {...testId(`summary-${k}`)}>
              {name}
            </Text>
          ))}
        </View>
      ) : null}
      {errors.form ? (
        <Text className='activity-form__error' {...testId('activity-form-error')}>
          {errors.form}
        </Text>
      ) : null}
      <Text className='activity-form__saved'>草稿已自动保存在本机，关闭小程序也不会丢失</Text>
      <Button type='primary' size='large' block loading={submitting} disabled={submitting} onClick={() => void onSubmit()} {...testId('activity-submit')}>
        {recording && pending ? `${SUBMIT_LABEL[draft.mode]}（${pending} 张照片稍后补充）` : SUBMIT_LABEL[draft.mode]}
      </Button>
      {/* A draft that should not be kept can be thrown away (it used to stay until saved). */}
      <View className='activity-form__discard'>
        <ConfirmAction
          label={draft.mode === 'edit' ? '放弃修改' : '放弃草稿'}
          question={draft.mode === 'edit' ? '放弃这次修改？记录保持原样。' : '放弃这份草稿？已填写的内容和照片都会删除。'}
          confirmLabel='放弃'
          disabled={submitting}
          onConfirm={() => {
            useDraftStore.getState().discard(draftKey)
            void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/activities/index' }))
          }}
          id='activity-discard'
        />
      </View>
    </View>
  )
}
