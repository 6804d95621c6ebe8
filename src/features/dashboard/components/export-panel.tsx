/** An export job on screen: progress while the cloud works step by step, then the file to open or download. */
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { testId } from '../../../lib/test-id'
import { useExportStore } from '../store'
import { OpenFile } from './open-file'

export function ExportPanel({ onRetry }: { onRetry: () => void }) {
  const job = useExportStore((s) => s.job)
  const status = useExportStore((s) => s.status)
  const error = useExportStore((s) => s.error)
  const percent = job?.percent ?? 0
  return (
    <View className='export' {...testId('export-panel')}>
      <Text className='export__name'>{job?.fileName ?? '正在准备导出…'}</Text>
      <View className='export__track'>
        <View className='export__fill' style={{ width: `${status === 'done' ? 100 : percent}%` }} />
      </View>
      <Text className='export__status' {...testId('export-status')}>
        {status === 'done'
          ? '已生成'
          : status === 'error'
            ? error
            : job
              ? job.done < job.total
                ? `正在汇总 ${job.done}/${job.total}（${percent}%）`
                : '正在生成文件…'
              : '正在开始…'}
      </Text>
      {status === 'done' && job ? <OpenFile job={job} /> : null}
      {status === 'error' ? (
        <Button type='primary' size='large' block onClick={onRetry}>
          重新导出
        </Button>
      ) : null}
    </View>
  )
}
