/** On a 民主评议党员 record's page: the way to its grades (评定 for the secretary and 组织委员, 查看 for others). */
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { appraisalSheetPage } from '../routes'
import './appraisal.scss'

export function AppraisalLink({ activityId }: { activityId: string }) {
  return (
    <Section title='民主评议党员'>
      <Text className='appraisal__note'>每名正式党员和预备党员评定为优秀、合格、基本合格或不合格，并记录民主测评票数。</Text>
      <Button type='plain' size='large' block onClick={() => void Taro.navigateTo({ url: appraisalSheetPage(activityId) })} {...testId('appraisal-link')}>
        评议结果
      </Button>
    </Section>
  )
}
