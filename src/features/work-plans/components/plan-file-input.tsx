/**
 * The mini-program's plan file source: a file from a WeChat chat, where plans arrive (H5: plan-file-input.h5.tsx).
 * chooseMessageFile filters by extension; the page still checks the name and size (logic.ts checkPlanFile).
 */
import Taro from '@tarojs/taro'
import { Button } from '../../../components/button'
import type { UploadSource } from '../../../services/api'
import { PLAN_FILE_EXTENSIONS } from '../logic'

export function PlanFileInput({ onPicked, disabled }: { onPicked(source: UploadSource, size: number): void; disabled?: boolean }) {
  const choose = async () => {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...PLAN_FILE_EXTENSIONS] })
      const f = res.tempFiles[0]
      if (f) onPicked({ filePath: f.path, name: f.name || f.path.split('/').pop() || 'plan' }, f.size)
    } catch {
      // cancelled
    }
  }
  return (
    <Button block disabled={disabled} onClick={() => void choose()}>
      从微信聊天选择文件（Word、PDF、Excel）
    </Button>
  )
}
