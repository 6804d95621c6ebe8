import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { BootstrapForm } from '../../../../features/session/components/bootstrap-form'
import '../org.scss'

export default function BootstrapPage() {
  return (
    <View className='org-page'>
      <BootstrapForm onDone={() => Taro.switchTab({ url: '/pages/home/index' })} />
    </View>
  )
}
