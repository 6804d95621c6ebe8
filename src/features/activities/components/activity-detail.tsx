/**
 * One session as the detail page shows it: every field, attendance with reasons (and the quorum of a voting 党员大会),
 * photos full screen (plus those of this phone still uploading into it), sign-in for members during the window and
 * the sign-in code for the secretary, the version history, and 修改 / 删除 (with a required reason) while editable;
 * a read-only banner once the record is locked (30 days).
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_INFO, SIGN_IN_OPENS_MINUTES_BEFORE } from '../../../../types/domain'
import { audienceLabel } from '../../../../types/activity-rules'
import { absenceText } from '../../../../types/leave'
import { Button } from '../../../components/button'
import { Field, TextInput } from '../../../components/form'
import { PhotoGrid, uploadSummary } from '../../../components/photo-grid'
import { formatDateTime, formatShortDate } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { errorMessage } from '../../../services/api'
import type { ActivityFull } from '../api'
import { useLiveSignIns } from '../hooks'
import { useDetailStore, useHistoryStore } from '../detail-store'
import { draftKey, useDraftStore, useUploadProgress } from '../draft-store'
import { photoTiles } from './activity-form'
import { photoSrc } from './activity-card'
import { sceneOf } from '../scene'
import './activity-detail.scss'

const EDIT_PAGE = '/packages/activities/pages/edit/index'

const hhmm = (iso: string) => formatDateTime(iso).slice(-5)

function Row({ k, v, id }: { k: string; v?: string | null; id?: string }) {
  if (!v) return null
  return (
    <View className='activity-detail__row'>
      <Text className='activity-detail__key'>{k}</Text>
      <Text className='activity-detail__value' {...(id ? testId(id) : {})}>
        {v}
      </Text>
    </View>
  )
}

function Block({ title, text }: { title: string; text?: string }) {
  if (!text) return null
  return (
    <View className='activity-detail__block'>
      <Text className='activity-detail__label'>{title}</Text>
      <Text className='activity-detail__text'>{text}</Text>
    </View>
  )
}

function SignIn({ a }: { a: ActivityFull }) {
  const signIn = useDetailStore((s) => s.signIn)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const s = a.signIn
  const go = async (via: 'page' | 'qr', id = a.id) => {
    setBusy(true)
    setNote(null)
    try {
      setNote(await signIn(id, via))
    } catch (e) {
      setNote(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true })
      const id = sceneOf(`${r.path ?? ''} ${r.result ?? ''}`)
      if (!id) setNote('这不是活动签到码')
      else await go('qr', id)
    } catch {
      // cancelled
    }
  }
  // After the window closed there is nothing to do here (the record shows who attended).
  if (!s.signedInAt && (!s.eligible || (!s.open && Date.parse(s.closesAt) < Date.now()))) return null
  return (
    <View className='activity-detail__signin' {...testId('sign-in-box')}>
      {s.signedInAt ? (
        <Text className='activity-detail__signed' {...testId('signed-in')}>
          ✓ 已于 {hhmm(s.signedInAt)} 签到
        </Text>
      ) : s.open ? (
        <>
          <Button type='primary' size='large' block loading={busy} onClick={() => void go('page')} {...testId('sign-in')}>
            签到
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button type='plain' block onClick={() => void scan()}>
              扫码签到
            </Button>
          ) : null}
        </>
      ) : (
        <Text className='activity-detail__hint'>
          签到将于 {formatDateTime(s.opensAt)} 开始，{hhmm(s.closesAt)} 结束
        </Text>
      )}
      {note ? (
        <Text className='activity-detail__hint' {...testId('sign-in-note')}>
          {note}
        </Text>
      ) : null}
    </View>
  )
}

function SignInCode({ a }: { a: ActivityFull }) {
  const qr = useDetailStore((s) => s.qr[a.id])
  const loadQr = useDetailStore((s) => s.loadQr)
  const live = useLiveSignIns(a, !!qr?.url)
  if (!qr)
    return (
      <Button type='plain' block onClick={() => void loadQr(a.id)} {...testId('show-qr')}>
        显示签到二维码（已签到 {a.signIn.count} 人）
      </Button>
    )
  return (
    <View className='activity-detail__qr'>
      {qr.status === 'loading' ? <Text className='activity-detail__hint'>正在生成签到码…</Text> : null}
      {qr.status === 'error' ? (
        <Text className='activity-detail__hint' onClick={() => void loadQr(a.id)}>
          签到码生成失败：{qr.error}（点此重试）
        </Text>
      ) : null}
      {qr.url ? (
        <>
          <Image className='activity-detail__qr-img' src={qr.url} mode='aspectFit' onClick={() => Taro.previewImage({ urls: [qr.url!] })} {...testId('sign-in-qr')} />
          <Text className='activity-detail__hint' {...testId('sign-in-live-count')}>
            {`请参会党员用微信扫码签到；已签到 ${live ? live.length : a.signIn.count} 人`}
          </Text>
          {live?.length ? (
            <View className='activity-detail__signed' {...testId('sign-in-live')}>
              {live.map((s) => (
                <Text key={s.memberId} className='activity-detail__signed-one'>
                  {`${s.name} ${formatDateTime(s.at).slice(-5)}`}
                </Text>
              ))}
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  )
}

function History({ id }: { id: string }) {
  const shown = useHistoryStore((s) => s.scope === id)
  const h = useHistoryStore()
  if (!shown)
    return (
      <Button type='plain' block onClick={() => void h.load(id)} {...testId('show-history')}>
        查看修改历史
      </Button>
    )
  const KIND = { planned: '发布计划', recorded: '记录活动', updated: '修改', signed_in: '签到', removed: '删除', reviewed: '党委审核', resubmitted: '重新提交审核' } as const
  const error = h.error ?? h.moreError
  return (
    <View className='activity-detail__history' {...testId('history')}>
      <Text className='activity-detail__label'>修改历史</Text>
      {h.status === 'loading' && !h.items.length ? <Text className='activity-detail__hint'>正在加载…</Text> : null}
      {error ? (
        <Text className='activity-detail__hint' onClick={() => void (h.error ? h.refresh() : h.loadMore())}>
          加载失败：{error}（点此重试）
        </Text>
      ) : null}
      {h.items.map((e) => (
        <View key={`${e.version}-${e.at}`} className='activity-detail__version' {...testId('history-entry')}>
          <Text className='activity-detail__version-head'>
            第 {e.version} 版 · {KIND[e.kind]} · {e.by.name} · {formatDateTime(e.at)}
          </Text>
          {e.changes.map((c) => (
            <Text key={c.field} className='activity-detail__change'>
              {c.label}：{c.before ?? '（空）'} → {c.after ?? '（空）'}
            </Text>
          ))}
          {e.reason ? <Text className='activity-detail__change'>说明：{e.reason}</Text> : null}
        </View>
      ))}
      {h.nextCursor ? (
        <Button type='plain' loading={h.loadingMore} onClick={() => void h.loadMore()}>
          更早的记录
        </Button>
      ) : null}
    </View>
  )
}

function Remove({ a, onRemoved }: { a: ActivityFull; onRemoved(): void }) {
  const remove = useDetailStore((s) => s.remove)
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const planned = a.status === 'planned'
  if (!asking)
    return (
      <>
        <Button type='plain' block onClick={() => setAsking(true)} {...testId('remove-activity')}>
          {planned ? '删除（录错了才用）' : '删除'}
        </Button>
        {planned ? (
          // Beside 取消活动 (plan-changes.tsx) the two read alike: say which is which.
          <Text className='activity-detail__hint' {...testId('remove-note')}>
            删除：这条计划录错了，删掉不通知任何人，也不在活动列表里保留。
          </Text>
        ) : null}
      </>
    )
  return (
    <View className='activity-detail__remove' {...testId('remove-box')}>
      <Field label='删除原因（必填，记入修改历史）' error={error} errorId='remove-error'>
        <TextInput value={reason} maxlength={200} onChange={setReason} placeholder='例如：重复录入' id='remove-reason' />
      </Field>
      <View className='activity-detail__actions'>
        <Button onClick={() => setAsking(false)}>取消</Button>
        <Button
          type='primary'
          loading={busy}
          onClick={async () => {
            if (!reason.trim()) {
              setError('请填写删除原因')
              return
            }
            setBusy(true)
            setError(null)
            try {
              await remove(a.id, reason.trim())
              onRemoved()
            } catch (e) {
              setError(errorMessage(e))
            } finally {
              setBusy(false)
            }
          }}
          {...testId('remove-confirm')}
        >
          确认删除
        </Button>
      </View>
    </View>
  )
}

export function ActivityDetail({ activity: a, onRemoved }: { activity: ActivityFull; onRemoved(): void }) {
  const info = ACTIVITY_TYPE_INFO[a.type]
  const pending = useDraftStore((s) => s.drafts[draftKey.pending(a.id)])
  const pendingError = useDraftStore((s) => s.errors[draftKey.pending(a.id)]?.form)
  const progress = useUploadProgress()
  const urls = a.photos.map(photoSrc)
  useEffect(() => {
    if (pending) useDraftStore.getState().resume()
  }, [pending])
  const planned = a.status === 'planned'
  // When the session is on and may be recorded: its sign-in opens SIGN_IN_OPENS_MINUTES_BEFORE its start.
  const recordableFrom = Date.parse(a.startAt) - SIGN_IN_OPENS_MINUTES_BEFORE * 60_000
  const att = a.attendance
  const pendingTiles = pending ? photoTiles(pending, progress).filter((t) => t.status !== 'done') : []

  return (
    <View className='activity-detail' {...testId('activity-detail')}>
      {a.readOnlyReason ? (
        <Text className='activity-detail__banner' {...testId('read-only')}>
          {a.readOnlyReason}
        </Text>
      ) : null}
      <View className='activity-detail__head'>
        <Text className={`activity-detail__tag ${info.sanhuiyike ? 'activity-detail__tag--core' : ''}`}>{info.name}</Text>
        <Text className='activity-detail__status' {...testId('activity-status')}>
          {ACTIVITY_STATUS_LABELS[a.status]}
        </Text>
      </View>
      <Text className='activity-detail__topic'>{a.topic}</Text>

      <SignIn a={a} />

      <View className='activity-detail__rows'>
        <Row k='开始时间' v={formatDateTime(a.startAt)} />
        <Row k='结束时间' v={a.endAt ? formatDateTime(a.endAt) : null} />
        <Row k='地点' v={a.place} />
        <Row k='参加对象' v={audienceLabel(a.audience)} />
        <Row k='授课人' v={a.lecturer} />
        <Row k='主持人' v={a.host} />
        <Row k='记录人' v={a.recorder} />
        <Row k='录入人' v={`${a.createdBy.name}（${formatDateTime(a.createdAt)}）`} />
        {a.updatedBy && a.updatedAt ? <Row k='最后修改' v={`${a.updatedBy.name}（${formatDateTime(a.updatedAt)}）`} /> : null}
      </View>

      <Block title='议程' text={a.agenda} />

      {att ? (
        <View className='activity-detail__block' {...testId('attendance-view')}>
          <Text className='activity-detail__label'>
            出席情况：应到 {att.expected} 人，实到 {att.present} 人，缺席 {att.absent} 人
          </Text>
          {att.quorum ? (
            <Text className={`activity-detail__quorum ${att.quorum.reached ? 'activity-detail__quorum--ok' : ''}`} {...testId('quorum')}>
              表决：有表决权的正式党员 {att.quorum.voters} 人，到会 {att.quorum.presentVoters} 人，{att.quorum.reached ? '超过半数，表决有效' : '未超过半数，不能表决'}
            </Text>
          ) : null}
          <Text className='activity-detail__text'>
            出席：{att.attendees.filter((x) => x.present).map((x) => x.name).join('、') || '无'}
          </Text>
          {att.attendees.some((x) => !x.present) ? (
            <Text className='activity-detail__text'>
              缺席：
              {att.attendees
                .filter((x) => !x.present)
                .map((x) => absenceText(x.name, x.absentReason))
                .join('、')}
            </Text>
          ) : null}
        </View>
      ) : null}

      <Block title='会议内容' text={a.minutes} />
      <Block title='决议' text={a.resolutions} />

      {a.assignments.length ? (
        <View className='activity-detail__block'>
          <Text className='activity-detail__label'>关联工作要点</Text>
          {a.assignments.map((x) => (
            <Text key={x.id} className='activity-detail__text'>
              · {x.title}
            </Text>
          ))}
        </View>
      ) : null}

      {!planned || urls.length ? (
        <View className='activity-detail__block'>
          <Text className='activity-detail__label'>现场照片（{urls.length}）</Text>
          {urls.length ? (
            <View className='activity-detail__photos'>
              {a.photos.map((p, i) => (
                <View key={p.fileID} className='activity-detail__photo-box'>
                  <Image
                    className='activity-detail__photo'
                    src={urls[i]}
                    mode='aspectFill'
                    lazyLoad
                    onClick={() => Taro.previewImage({ urls, current: urls[i] })}
                    {...testId('detail-photo')}
                  />
                  {p.review === 'pending' ? <Text className='activity-detail__review'>审核中</Text> : null}
                  {p.review === 'rejected' ? <Text className='activity-detail__review activity-detail__review--bad'>未通过审核</Text> : null}
                </View>
              ))}
            </View>
          ) : !pendingTiles.length ? (
            <Text className='activity-detail__hint'>没有上传照片</Text>
          ) : null}
          {pending && pendingTiles.length ? (
            <View {...testId('pending-photos')}>
              <Text className='activity-detail__hint'>{uploadSummary(pendingTiles)}，完成后自动补充到记录</Text>
              <PhotoGrid
                tiles={pendingTiles}
                max={pendingTiles.length}
                onPicked={() => undefined}
                onRetry={(k) => useDraftStore.getState().retryPhoto(pending.key, k)}
                onRemove={(k) => useDraftStore.getState().removePhoto(pending.key, k)}
                onMove={(k, by) => useDraftStore.getState().movePhoto(pending.key, k, by)}
              />
            </View>
          ) : null}
          {pendingError ? <Text className='activity-detail__hint activity-detail__hint--bad'>{pendingError}</Text> : null}
        </View>
      ) : null}

      <View className='activity-detail__tools'>
        {a.canEdit && planned ? <SignInCode a={a} /> : null}
        {a.canEdit && planned && recordableFrom > Date.now() ? (
          // The cloud records a session only once it is on (sign-in open): say when, rather than fail on save.
          // Short enough for one line at 390 px (12月4日, the year only when not this one); if it wraps, a padded block.
          <Button type='primary' size='large' block disabled className='activity-detail__later' {...testId('record-planned-later')}>
            {`开始后可记录 · ${formatShortDate(new Date(recordableFrom).toISOString())} ${hhmm(new Date(recordableFrom).toISOString())} 起`}
          </Button>
        ) : a.canEdit ? (
          <Button
            type={planned ? 'primary' : 'default'}
            size='large'
            block
            onClick={() => Taro.navigateTo({ url: planned ? `${EDIT_PAGE}?id=${encodeURIComponent(a.id)}` : `${EDIT_PAGE}?edit=${encodeURIComponent(a.id)}` })}
            {...testId(planned ? 'record-planned' : 'edit-activity')}
          >
            {planned ? '记录这次活动' : '编辑记录内容'}
          </Button>
        ) : null}
        <History id={a.id} />
        {a.canEdit ? <Remove a={a} onRemoved={onRemoved} /> : null}
      </View>
    </View>
  )
}
