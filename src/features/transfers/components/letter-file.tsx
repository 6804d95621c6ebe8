/**
 * The printed 介绍信 (.docx) in the mini-program: one button, 打开介绍信, fetches the file by its fileID
 * (Taro.cloud.downloadFile) and opens it with Taro.openDocument, whose menu forwards or saves it. The browser's
 * version is letter-file.h5.tsx (a download in the app's button style).
 */
import Taro from '@tarojs/taro'
import { Button } from '../../../components/button'
import { testId } from '../../../lib/test-id'
import type { LetterFile as Letter } from '../api'

async function open(letter: Letter) {
  if (!letter.fileID) return
  void Taro.showLoading({ title: '正在打开…' })
  try {
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: letter.fileID })
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'docx', showMenu: true })
  } catch {
    void Taro.showToast({ title: '介绍信打开失败，请重试', icon: 'none' })
  } finally {
    Taro.hideLoading()
  }
}

export function LetterFile({ letter }: { letter: Letter }) {
  return (
    <Button type='primary' size='large' block onClick={() => void open(letter)} {...testId('letter-open')}>
      打开介绍信
    </Button>
  )
}
