import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../../components/states'
import { SheetReturn } from '../../../../features/appraisal/components/returned'
import { SheetEditor, SheetSummary, SheetView } from '../../../../features/appraisal/components/sheet'
import { useAppraisalSheet } from '../../../../features/appraisal/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import '../../../../features/appraisal/components/appraisal.scss'

/** One 民主评议党员 record's grades: the keeper's form, or the results as the reader may see them. */
export default function AppraisalSheetPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const status = useSessionBootstrap()
  const sheet = useAppraisalSheet((s) => (s.activityId === id ? s.sheet : null))
  const error = useAppraisalSheet((s) => (s.activityId === id ? s.error : null))
  const load = useAppraisalSheet((s) => s.load)

  useEffect(() => {
    if (status === 'ready' && id) void load(id)
  }, [status, id, load])

  if (!id) return <ErrorState message='缺少民主评议记录编号' />
  if (error) return <ErrorState message={error} onRetry={() => void load(id)} />
  if (!sheet) return <LoadingState />
  return (
    <View className='appraisal-page'>
      <SheetSummary sheet={sheet} />
      <SheetReturn sheet={sheet} />
      {sheet.canWrite ? <SheetEditor key={sheet.activity.id} sheet={sheet} /> : <SheetView sheet={sheet} />}
    </View>
  )
}
