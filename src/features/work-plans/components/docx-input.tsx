/** The mini-program's .docx source: a file from a WeChat chat (H5: docx-input.h5.tsx). */
import Taro from '@tarojs/taro'
import { Button } from '../../../components/button'
import type { UploadSource } from '../../../services/api'

export function DocxInput({ onPicked, disabled }: { onPicked(source: UploadSource): void; disabled?: boolean }) {
  const choose = async () => {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['docx'] })
      const f = res.tempFiles[0]
      if (f) onPicked({ filePath: f.path, name: f.name || 'plan.docx' })
    } catch {
      // cancelled
    }
  }
  return (
    <Button block disabled={disabled} onClick={() => void choose()}>
      从微信聊天选择 .docx 文件
    </Button>
  )
}
