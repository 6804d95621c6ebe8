/**
 * The mini-program's photo source: chooseMedia from the camera or the album, compressed by WeChat
 * (sizeType ['compressed']; H5: photo-input.h5.tsx compresses in the browser).
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { UploadSource } from '../services/api'

export interface PickedPhoto {
  source: UploadSource
  /** Shown while uploading and kept in the draft (a temp path here). */
  preview: string
  /** The full-size picture for a full-screen view. */
  full?: string
  /** Size of the file as picked (unknown here: WeChat compresses before we see it) and of what will be uploaded. */
  originalBytes?: number
  bytes?: number
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
        count: Math.min(9, remaining),
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
      })
      onPicked(
        res.tempFiles.map((f, i) => ({
          source: { filePath: f.tempFilePath, name: `${i}${/\.[a-z0-9]+$/i.exec(f.tempFilePath)?.[0] ?? '.jpg'}` },
          preview: f.tempFilePath,
          full: f.tempFilePath,
          bytes: f.size,
        })),
      )
    } catch {
      // cancelled
    }
  }
  return (
    <View className='photo-add' onClick={choose}>
      <Text className='photo-add__plus'>+</Text>
      <Text className='photo-add__text'>拍照或相册</Text>
    </View>
  )
}
