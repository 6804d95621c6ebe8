/**
 * The privacy prompt WeChat needs before a privacy API runs (see lib/privacy.ts). Light on purpose: it lives in
 * the main package. 同意 must be a native button with open-type agreePrivacyAuthorization (WeChat checks it was
 * tapped). Renders nothing on H5 and while nothing is asked.
 */
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { PRIVACY_AGREE_BUTTON_ID, usePrivacyStore } from '../lib/privacy'
import './privacy-dialog.scss'

export function PrivacyDialog() {
  const open = usePrivacyStore((s) => !!s.resolve)
  const agree = usePrivacyStore((s) => s.agree)
  const disagree = usePrivacyStore((s) => s.disagree)
  if (process.env.TARO_ENV !== 'weapp' || !open) return null
  return (
    <View className='privacy'>
      <View className='privacy__box'>
        <Text className='privacy__title'>用户隐私保护提示</Text>
        <Text className='privacy__text'>
          为了记录活动照片、保存邀请二维码，需要使用你选择的照片和相册。请阅读
          <Text className='privacy__link' onClick={() => Taro.openPrivacyContract({ fail: () => undefined })}>
            《支部工作台隐私保护指引》
          </Text>
          ，同意后可继续使用。
        </Text>
        <View className='privacy__actions'>
          <Button className='privacy__btn' onClick={disagree}>
            拒绝
          </Button>
          <Button id={PRIVACY_AGREE_BUTTON_ID} className='privacy__btn privacy__btn--agree' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={agree}>
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
