/**
 * Up to nine photos of a form: each tile shows its upload progress (a bar and a percentage), a failed one offers
 * 重试, every tile can move left/right (buttons rather than drag: reliable on a phone, in weapp and H5 alike) and be
 * deleted, and a tap opens it full screen. The grid only renders; the owner (a draft store) uploads and keeps state.
 */
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { testId } from '../lib/test-id'
import { PhotoInput, type PickedPhoto } from './photo-input'
import './photo-grid.scss'

export interface PhotoTile {
  key: string
  /** Thumbnail (data URL, temp path or server URL). */
  src: string
  /** Full-size picture for the full-screen view, when there is one. */
  full?: string
  status: 'uploading' | 'done' | 'failed'
  percent: number
  error?: string
  /** Bytes uploaded and bytes as picked (H5 measures both; weapp knows the compressed size only). */
  bytes?: number
  originalBytes?: number
}

/** On H5 each tile carries its sizes as data attributes, so an end-to-end test can report what compression saved. */
const sizeAttrs = (t: PhotoTile): Record<string, string> =>
  process.env.TARO_ENV === 'h5'
    ? {
        'data-status': t.status,
        ...(t.bytes !== undefined ? { 'data-bytes': String(t.bytes) } : {}),
        ...(t.originalBytes !== undefined ? { 'data-original-bytes': String(t.originalBytes) } : {}),
      }
    : {}

export function PhotoGrid({
  tiles,
  max = 9,
  onPicked,
  onRetry,
  onRemove,
  onMove,
  inputTestId = 'photo-input',
  disabled,
}: {
  tiles: PhotoTile[]
  max?: number
  onPicked(photos: PickedPhoto[]): void
  onRetry(key: string): void
  onRemove(key: string): void
  onMove(key: string, by: -1 | 1): void
  inputTestId?: string
  disabled?: boolean
}) {
  const remaining = max - tiles.length
  const open = (t: PhotoTile) => {
    const urls = tiles.map((x) => x.full || x.src)
    void Taro.previewImage({ urls, current: t.full || t.src })
  }
  return (
    <View className='photo-grid'>
      {tiles.map((t, i) => (
        <View key={t.key} className={`photo-grid__tile photo-grid__tile--${t.status}`} {...testId('photo-tile')} {...sizeAttrs(t)}>
          <View className='photo-grid__frame' onClick={() => open(t)}>
            <Image className='photo-grid__img' src={t.src} mode='aspectFill' />
            {t.status === 'uploading' ? (
              <View className='photo-grid__mask'>
                <Text className='photo-grid__percent'>{t.percent}%</Text>
                <View className='photo-grid__bar' style={{ width: `${t.percent}%` }} />
              </View>
            ) : null}
            {t.status === 'failed' ? (
              <View className='photo-grid__mask photo-grid__mask--failed'>
                <Text className='photo-grid__failed'>上传失败</Text>
              </View>
            ) : null}
            <Text className='photo-grid__index'>{i + 1}</Text>
          </View>
          {t.status === 'failed' && !disabled ? (
            <Text className='photo-grid__retry' onClick={() => onRetry(t.key)} {...testId('photo-retry')}>
              重试
            </Text>
          ) : null}
          {!disabled ? (
            // Two rows so that each of ‹ › 删除 is at least 44 × 44 px on a 102 px tile (three in a row were 30 px wide).
            <View className='photo-grid__tools'>
              <View className='photo-grid__tools-row'>
                <Text
                  className={`photo-grid__tool ${i === 0 ? 'photo-grid__tool--off' : ''}`}
                  onClick={() => i > 0 && onMove(t.key, -1)}
                  {...testId('photo-left')}
                >
                  ‹
                </Text>
                <Text
                  className={`photo-grid__tool photo-grid__tool--next ${i === tiles.length - 1 ? 'photo-grid__tool--off' : ''}`}
                  onClick={() => i < tiles.length - 1 && onMove(t.key, 1)}
                  {...testId('photo-right')}
                >
                  ›
                </Text>
              </View>
              <Text className='photo-grid__tool photo-grid__tool--del' onClick={() => onRemove(t.key)} {...testId('photo-remove')}>
                删除
              </Text>
            </View>
          ) : null}
        </View>
      ))}
      {remaining > 0 && !disabled ? (
        <View className='photo-grid__tile'>
          <PhotoInput remaining={remaining} onPicked={onPicked} inputTestId={inputTestId} />
        </View>
      ) : null}
    </View>
  )
}

/** "3 张照片上传中" / "1 张照片上传失败" or null, for the form's status line. */
export function uploadSummary(tiles: PhotoTile[]): string | null {
  const busy = tiles.filter((t) => t.status === 'uploading').length
  const failed = tiles.filter((t) => t.status === 'failed').length
  const parts = [busy ? `${busy} 张照片上传中` : '', failed ? `${failed} 张照片上传失败，点“重试”` : ''].filter(Boolean)
  return parts.length ? parts.join('，') : null
}
