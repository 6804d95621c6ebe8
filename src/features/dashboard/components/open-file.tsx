/**
 * Opens a finished export in the mini-program: the file is fetched by its fileID with Taro.cloud.downloadFile
 * (no download-domain whitelist needed, unlike Taro.downloadFile on the temporary URL) and shown with
 * Taro.openDocument, whose menu lets the user forward or save it.
 */
import Taro from '@tarojs/taro'
import { Button } from '../../../components/button'
import type { ExportJob } from '../store'

async function open(job: ExportJob) {
  if (!job.fileID) return
  const fileType = job.fileName.endsWith('.xlsx') ? 'xlsx' : 'docx'
  void Taro.showLoading({ title: '正在打开…' })
  try {
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: job.fileID })
    await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true })
  } catch {
    void Taro.showToast({ title: '文件打开失败，请重试', icon: 'none' })
  } finally {
    Taro.hideLoading()
  }
}

export function OpenFile({ job }: { job: ExportJob }) {
  return (
    <Button type='primary' size='large' block onClick={() => void open(job)}>
      打开文件
    </Button>
  )
}
