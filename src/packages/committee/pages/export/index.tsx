/**
 * An export in progress: the year-end workbook (committee) or a branch's record book (its secretary or the
 * committee). The job starts on arrival and advances one short cloud call at a time, so the bar shows real progress.
 */
import { useEffect } from 'react'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { EmptyState, LoadingState } from '../../../../components/states'
import { Chips } from '../../../../features/dashboard/components/chips'
import { ExportPanel } from '../../../../features/dashboard/components/export-panel'
import { beijingYear, useExportStore } from '../../../../features/dashboard/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { exportPage } from '../../routes'
import '../committee.scss'

export default function ExportPage() {
  const params = useRouter().params
  const kind = params.kind === 'recordBook' ? 'recordBook' : params.kind === 'assessment' ? 'assessment' : null
  const branchId = params.branchId ?? ''
  const year = Number(params.year) || beijingYear()
  const session = useSessionBootstrap()
  const run = useExportStore((s) => s.run)
  const running = useExportStore((s) => s.status === 'running')
  const now = beijingYear()
  // In January the year to export is usually the one just over.
  const years = [now, now - 1].map((y) => ({ value: String(y), label: `${y}年` }))
  const switchYear = (y: string) => {
    if (running || !kind) return
    const url = kind === 'assessment' ? exportPage({ kind, year: Number(y) }) : exportPage({ kind, branchId, year: Number(y) })
    void Taro.redirectTo({ url })
  }
  const start = () => {
    if (kind === 'assessment') void run({ kind, year })
    else if (kind === 'recordBook' && branchId) void run({ kind, branchId, year })
  }

  useEffect(() => {
    if (session === 'ready') start()
    // Start once per arrival; 重新导出 starts again.
  }, [session])
  useUnload(() => useExportStore.getState().reset())

  if (!kind || (kind === 'recordBook' && !branchId)) return <EmptyState title='导出参数不完整' />
  if (session !== 'ready') return <LoadingState />
  return (
    <View className='cm'>
      <View className='cm__actions'>
        <Chips id='export-year' options={years} value={String(year)} onChange={switchYear} />
      </View>
      <ExportPanel onRetry={start} />
      <View className='cm__actions'>
        <Text className='cm__hint'>
          {kind === 'assessment'
            ? '年度考核表按支部列出各类组织生活每季度的次数、合规得分、任务完成与逾期情况。'
            : '记录本收录本年度每一次已记录的组织生活：时间、地点、主持人、出席与缺席（含原因）、会议内容、决议和现场照片缩略图。'}
        </Text>
      </View>
    </View>
  )
}
