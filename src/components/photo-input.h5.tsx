/**
 * H5's photo source: a file input; each picture is compressed in the browser (long edge ≤ 1600 px, JPEG 0.8) and
 * gets a small data-URL thumbnail that survives a reload of the draft. A phone photo of 3–5 MB becomes a few
 * hundred KB: `originalBytes` and `bytes` say how much, so forms (and the end-to-end test) can show it.
 */
import { useRef, useState, type ChangeEvent } from 'react'
import { Text, View } from '@tarojs/components'
import type { UploadSource } from '../services/api'

export interface PickedPhoto {
  source: UploadSource
  /** Small, serialisable preview (a data URL here): shown while uploading and kept in the draft. */
  preview: string
  /** The full-size picture for a full-screen view in this session (an object URL of the compressed JPEG). */
  full?: string
  /** Size of the file as picked, and of what will be uploaded. */
  originalBytes?: number
  bytes?: number
}

export const MAX_SIDE = 1600
export const JPEG_QUALITY = 0.8
const THUMB_SIDE = 240

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file)
    const img = new window.Image()
    img.onload = () => {
      URL.revokeObjectURL(url)
      resolve(img)
    }
    img.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('无法读取这张图片'))
    }
    img.src = url
  })
}

function draw(img: HTMLImageElement, maxSide: number): HTMLCanvasElement {
  const scale = Math.min(1, maxSide / Math.max(img.naturalWidth, img.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const ctx = canvas.getContext('2d')!
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  return canvas
}

export async function compressPhoto(file: File): Promise<PickedPhoto> {
  const img = await loadImage(file)
  let blob = await new Promise<Blob>((resolve, reject) =>
    draw(img, MAX_SIDE).toBlob((b) => (b ? resolve(b) : reject(new Error('图片压缩失败'))), 'image/jpeg', JPEG_QUALITY),
  )
  const base = file.name.replace(/\.[^.]*$/, '') || 'photo'
  let name = `${base}.jpg`
  // An already small JPEG can come out larger after re-encoding: then the original is the better upload.
  if (blob.size >= file.size && /^image\/jpe?g$/.test(file.type)) {
    blob = file
    name = file.name
  }
  const preview = draw(img, THUMB_SIDE).toDataURL('image/jpeg', 0.7)
  return { source: { blob, name }, preview, full: URL.createObjectURL(blob), originalBytes: file.size, bytes: blob.size }
}

/** `inputTestId` names the hidden file input for end-to-end tests (each form that uses it has its own). */
export function PhotoInput({
  remaining,
  onPicked,
  inputTestId = 'photo-input',
}: {
  remaining: number
  onPicked(photos: PickedPhoto[]): void
  inputTestId?: string
}) {
  const ref = useRef<HTMLInputElement>(null)
  const [skipped, setSkipped] = useState<string | null>(null)
  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []).slice(0, Math.max(0, remaining))
    e.target.value = ''
    const picked: PickedPhoto[] = []
    const unreadable: string[] = []
    for (const f of files) {
      try {
        picked.push(await compressPhoto(f))
      } catch {
        unreadable.push(f.name)
      }
    }
    // A PDF or a damaged picture is not added, and the person is told which and why (it used to vanish silently).
    setSkipped(unreadable.length ? `${unreadable.join('、')} 不是可以打开的图片，未添加（请选择 JPG、PNG 等照片）` : null)
    if (picked.length) onPicked(picked)
  }
  return (
    <>
    <View className='photo-add' onClick={() => ref.current?.click()}>
      <Text className='photo-add__plus'>+</Text>
      <Text className='photo-add__text'>拍照或相册</Text>
      <input
        ref={ref}
        type='file'
        accept='image/*'
        multiple
        data-testid={inputTestId}
        style={{ display: 'none' }}
        onClick={(e) => e.stopPropagation()}
        onChange={onChange}
      />
    </View>
    {skipped ? (
      <Text className='photo-grid__skipped' data-testid='photo-skipped'>
        {skipped}
      </Text>
    ) : null}
    </>
  )
}
