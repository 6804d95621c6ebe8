/** A work point as its branch sees it: full text, 责任人, due date, status and the progress log. */
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { dateText } from '../../../../types/time-text'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { countdownText } from '../logic'
import type { PointDetail } from '../point-store'
import { StatusTag } from './assignment-list'
import './point-view.scss'

const KIND_LABEL = { note: '进展', done: '标记完成', reopen: '重新打开' } as const
const photoSrc = (p: { fileID: string; url?: string }) => p.url ?? p.fileID

/** Opens a 书面材料 file: in the browser by its link, in WeChat downloaded and shown by openDocument. */
async function openEvidence(f: { fileID: string; name: string; url?: string }) {
  const url = f.url ?? f.fileID
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener')
    return
  }
  try {
    const { tempFilePath } = await Taro.downloadFile({ url })
    await Taro.openDocument({ filePath: tempFilePath, showMenu: true })
  } catch {
    void Taro.showToast({ title: '文件打开失败，请稍后重试', icon: 'none' })
  }
}

export function PointView({ detail }: { detail: PointDetail }) {
  const { assignment: a, point, reports } = detail
  const countdown = countdownText(a)
  return (
    <View {...testId('point-view')}>
      <View className='point-card'>
        <Text className='point-card__section'>{a.sectionTitle}</Text>
        <Text className='point-card__title' {...testId('point-title')}>
          {point.seq}. {point.title}
        </Text>
        <View className='point-card__meta'>
          <StatusTag status={a.status} />
          <Text className='point-card__due'>截止 {dateText(a.dueOn)}</Text>
          {countdown ? <Text className={`point-card__countdown ${a.daysLeft < 0 ? 'point-card__countdown--late' : ''}`}>{countdown}</Text> : null}
        </View>
        {point.body ? <Text className='point-card__body'>{point.body}</Text> : null}
        {point.responsible.length ? (
          <View className='point-card__row'>
            <Text className='point-card__key'>责任人</Text>
            <Text className='point-card__value'>{point.responsible.join('、')}</Text>
          </View>
        ) : null}
        <View className='point-card__row'>
          <Text className='point-card__key'>所属</Text>
          <Text className='point-card__value'>{a.planTitle}</Text>
        </View>
      </View>

      <View className='point-log' {...testId('point-log')}>
        <Text className='point-log__head'>进展记录（{reports.length}）</Text>
        {reports.length === 0 ? <Text className='point-log__none'>还没有进展记录</Text> : null}
        {reports.map((r) => (
          <View key={r.id} className={`point-log__item point-log__item--${r.kind}`} {...testId('report-item')}>
            <View className='point-log__line'>
              <Text className='point-log__kind'>{KIND_LABEL[r.kind]}</Text>
              <Text className='point-log__by'>
                {r.by.name} · {formatDateTime(r.at)}
              </Text>
            </View>
            {r.note ? <Text className='point-log__note'>{r.note}</Text> : null}
            {r.activities.map((act) => (
              <Text
                key={act.id}
                className='point-log__activity'
                onClick={() => void Taro.navigateTo({ url: `/packages/activities/pages/detail/index?id=${encodeURIComponent(act.id)}` })}
              >
                活动：{act.topic}（{formatDateTime(act.startAt)}）
              </Text>
            ))}
            {r.photos.length ? (
              <View className='point-log__photos'>
                {r.photos.map((p) => (
                  <Image
                    key={p.fileID}
                    className='point-log__photo'
                    src={photoSrc(p)}
                    mode='aspectFill'
                    lazyLoad
                    onClick={() => void Taro.previewImage({ urls: r.photos.map(photoSrc), current: photoSrc(p) })}
                  />
                ))}
              </View>
            ) : null}
            {(r.files ?? []).map((f) => (
              <Text key={f.fileID} className='point-log__activity' onClick={() => void openEvidence(f)} {...testId('report-log-file')}>
                文件：{f.name}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
