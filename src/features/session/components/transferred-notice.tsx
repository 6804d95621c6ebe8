/**
 * Shown on the welcome screen to someone whose roster entry was marked 转出 and who holds no role any more: what
 * happened (from which branch, when, why) and what to do next, instead of greeting them as a stranger.
 */
import { Text, View } from '@tarojs/components'
import { testId } from '../../../lib/test-id'
import { useSessionStore } from '../store'
import './transferred-notice.scss'

export function TransferredNotice() {
  const transfers = useSessionStore((s) => s.transfers)
  const last = transfers[0]
  if (!last) return null
  return (
    <View className='transferred-notice' {...testId('transferred-notice')}>
      <Text className='transferred-notice__title'>你已从「{last.branchName}」转出</Text>
      <Text className='transferred-notice__line'>
        {last.on ? `转出日期：${Number(last.on.slice(0, 4))}年${Number(last.on.slice(5, 7))}月${Number(last.on.slice(8, 10))}日` : ''}
        {last.reason ? `${last.on ? '；' : ''}原因：${last.reason}` : ''}
      </Text>
      <Text className='transferred-notice__line'>你在原支部的活动记录仍然保留。</Text>
      <Text className='transferred-notice__line'>如已转入新的支部，请向新支部书记索取邀请码，在下方输入即可加入；如有疑问，请联系原支部书记。</Text>
    </View>
  )
}
