/**
 * 开具组织关系介绍信 on the roster's member page for a 支委 who is not the secretary: shown when the server says the
 * caller keeps the branch's transfers (transfers.settings mayIssue: the 组织委员, 支部工作条例第十条), so a 宣传委员 is
 * not offered a button the server refuses. The secretary and the committee have it in the page's 组织关系转出 section.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { mayIssueIn } from '../store'

export function TransferIssueEntry({ memberId, branchId, active }: { memberId: string; branchId: string; active: boolean }) {
  const [may, setMay] = useState(false)
  useEffect(() => {
    let live = true
    mayIssueIn(branchId)
      .then((x) => live && setMay(x))
      .catch(() => live && setMay(false))
    return () => {
      live = false
    }
  }, [branchId])
  if (!may || !active) return null
  return (
    <Section title='组织关系转出'>
      <Button type='primary' block onClick={() => void Taro.navigateTo({ url: `/packages/transfers/pages/issue/index?memberId=${memberId}` })} {...testId('open-transfer-issue')}>
        开具组织关系介绍信
      </Button>
      <Text className='member-detail__hint'>转往其他支部或党组织时开具；对方接收前可以撤回。</Text>
    </Section>
  )
}
