/**
 * Adds files to a checklist item in the mini-program: a photo (a scanned 申请书 is usually a phone photo: chooseMedia
 * from the camera or the album) or a document from a chat (chooseMessageFile: PDF, Word, Excel, pictures). A kind the
 * checklist does not take is said by name, never dropped silently (H5: material-picker.h5.tsx).
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PickedFile } from '../../../components/file-pick'
import { testId } from '../../../lib/test-id'
import { MATERIAL_EXTENSIONS, materialFileProblem } from '../../../../types/recruitment'

/** The cloud storage's limit per file (cloud/local/README.md: LOCALCLOUD_UPLOAD_LIMIT_MB). */
const MAX_BYTES = 20 * 1024 * 1024
const problem = (name: string, bytes: number) => materialFileProblem(name) ?? (bytes > MAX_BYTES ? `${name} 超过 20 MB，未添加` : null)

export interface MaterialPickerProps {
  /** The item's title, naming photos (入党申请书-照片1.jpg). */
  title: string
  remaining: number
  onPicked(files: PickedFile[]): void
  onRefused(message: string | null): void
  inputTestId?: string
}

export function MaterialPicker({ title, remaining, onPicked, onRefused }: MaterialPickerProps) {
  const take = (files: PickedFile[]) => {
    const refused = files.map((f) => problem(f.name, f.bytes)).filter((m): m is string => !!m)
    onRefused(refused.length ? refused.join('；') : null)
    const ok = files.filter((f) => !problem(f.name, f.bytes))
    if (ok.length) onPicked(ok)
  }
  const choose = async () => {
    if (remaining <= 0) return onRefused('每项材料最多 30 个附件，请先删除不需要的')
    let tapIndex: number
    try {
      ;({ tapIndex } = await Taro.showActionSheet({ itemList: ['拍照或从相册选择', '从聊天记录选择文件'] }))
    } catch {
      return // cancelled
    }
    try {
      if (tapIndex === 0) {
        const stamp = Date.now().toString(36).slice(-4)
        const res = await Taro.chooseMedia({ count: Math.min(9, remaining), mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['original', 'compressed'] })
        take(
          res.tempFiles.map((f, i) => {
            const ext = /\.([a-z0-9]+)$/i.exec(f.tempFilePath)?.[1] ?? 'jpg'
            const name = `${title}-照片${stamp}${i + 1}.${ext}`
            return { source: { filePath: f.tempFilePath, name }, name, bytes: f.size }
          }),
        )
      } else {
        const res = await Taro.chooseMessageFile({ count: Math.min(9, remaining), type: 'all', extension: MATERIAL_EXTENSIONS })
        take(res.tempFiles.map((f) => ({ source: { filePath: f.path, name: f.name }, name: f.name, bytes: f.size })))
      }
    } catch {
      // cancelled
    }
  }
  return (
    <View className='file-add recruit-add' onClick={() => void choose()} {...testId('material-add')}>
      <Text>＋ 添加照片或文件</Text>
    </View>
  )
}
