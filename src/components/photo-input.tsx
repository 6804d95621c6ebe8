/** The mini-program's photo source: chooseMedia, compressed by WeChat (H5: photo-input.h5.tsx). */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { UploadSource } from '../services/api'

export interface PickedPhoto {
  source: UploadSource
  /** Shown while uploading and in the draft. */
  preview: string
}

export function PhotoInput({
  remaining,
  onPicked,
}: {
  remaining: number
  onPicked(photos: PickedPhoto[]): void
  /** Used by the H5 version only. */
  inputTestId?: string
}) {
  const choose = async () => {
    if (remaining <= 0) return
    try {
      const res = await Taro.chooseMedia({
        count: remaining,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
      })
      onPicked(
        res.tempFiles.map((f, i) => ({
          source: { filePath: f.tempFilePath, name: `${i}${/\.[a-z0-9]+$/i.exec(f.tempFilePath)?.[0] ?? '.jpg'}` },
          preview: f.tempFilePath,
        })),
      )
    } catch {
      // cancelled
    }
  }
  return (
    <View className='photo-add' onClick={choose}>
      <Text className='photo-add__plus'>+</Text>
      <Text className='photo-add__text'>添加照片</Text>
    </View>
  )
}
