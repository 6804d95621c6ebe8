/**
 * The mini-program's document source for 书面材料: WeChat's chooseMessageFile (files from a chat), PDF, Word (.docx)
 * and Excel (.xlsx) only (H5: file-input.h5.tsx, a file input).
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { testId } from '../lib/test-id'
import { FILE_EXTENSIONS, fileProblem, type PickedFile } from './file-pick'

export type { PickedFile } from './file-pick'

export function FileInput({ remaining, onPicked, onRefused }: { remaining: number; onPicked(files: PickedFile[]): void; onRefused(message: string | null): void; inputTestId?: string }) {
  const choose = async () => {
    if (remaining <= 0) return
    try {
      const res = await Taro.chooseMessageFile({ count: Math.min(9, remaining), type: 'file', extension: FILE_EXTENSIONS })
      const files = res.tempFiles.map((f) => ({ source: { filePath: f.path, name: f.name }, name: f.name, bytes: f.size }))
      const refused = files.map((f) => fileProblem(f.name, f.bytes)).filter((m): m is string => !!m)
      onRefused(refused.length ? refused.join('；') : null)
      const ok = files.filter((f) => !fileProblem(f.name, f.bytes))
      if (ok.length) onPicked(ok)
    } catch {
      // cancelled
    }
  }
  return (
    <View className='file-add' onClick={() => void choose()} {...testId('file-add')}>
      <Text>＋ 添加文件（PDF、Word、Excel）</Text>
    </View>
  )
}
