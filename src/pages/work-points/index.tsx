import { View } from '@tarojs/components'
import { EmptyState } from '../../components/states'

export default function WorkPointsPage() {
  return (
    <View>
      <EmptyState title='暂无工作要点' hint='工作要点发布后会显示在这里' />
    </View>
  )
}
