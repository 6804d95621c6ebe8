/**
 * H5 under the local cloud, on a first visit: nobody has chosen a dev identity yet, so there is nobody to ask the
 * cloud about. That is not a failure: the app says what it is and offers the seeded people by role, one tap each.
 * After a choice the session loads as that person; 我的 → 开发身份 switches later.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { getDevOpenId, listDevIdentities, onDevIdentityChange, setDevOpenId, type DevIdentity } from '../../../services/dev-identity'
import { useSessionStore } from '../store'
import './dev-welcome.scss'

/** True while the browser speaks as nobody; turns false the moment a person is chosen (here or in the picker). */
export function useNeedsDevWelcome(): boolean {
  const [needs, setNeeds] = useState(() => !getDevOpenId())
  useEffect(() => onDevIdentityChange(() => setNeeds(!getDevOpenId())), [])
  return needs
}

/** The groups a newcomer thinks in, each person under their highest role. */
const GROUPS: { key: string; title: string; hint: string }[] = [
  { key: 'committee_admin', title: '党委管理员', hint: '导入工作要点、分配到支部、看板与导出' },
  { key: 'secretary', title: '支部书记', hint: '记录“三会一课”、上报工作要点进展、管理党员' },
  { key: 'member', title: '党员', hint: '查看活动、签到、收消息' },
  { key: 'guide', title: '党建指导员', hint: '查看所指导支部的情况' },
  { key: 'none', title: '尚未加入', hint: '以新用户身份体验加入流程' },
]

function groupOf(person: DevIdentity): string {
  const roles = person.roles.map((r) => r.role)
  if (roles.includes('committee_admin') || roles.includes('committee')) return 'committee_admin'
  if (roles.includes('secretary')) return 'secretary'
  if (roles.includes('guide')) return 'guide'
  if (roles.includes('member') || roles.includes('branch_committee')) return 'member'
  return 'none'
}

export function DevWelcome() {
  const [people, setPeople] = useState<DevIdentity[] | null>(null)
  const [failed, setFailed] = useState(false)
  const reset = useSessionStore((s) => s.reset)
  const load = useSessionStore((s) => s.load)

  const read = () => {
    setFailed(false)
    listDevIdentities().then(setPeople, () => setFailed(true))
  }
  useEffect(read, [])

  const choose = (openid: string) => {
    setDevOpenId(openid)
    // The list is long and was scrolled to the person tapped: the app they enter starts at its top, not 50 px down.
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    reset()
    void load()
  }

  return (
    <View className='welcome' data-testid='dev-welcome'>
      <View className='welcome__hero'>
        <Text className='welcome__title'>支部工作台</Text>
        <Text className='welcome__lead'>
          科技社团党支部和指导它们的党委共用的工作台：工作要点、“三会一课”记录与签到、截止提醒、党委看板。
        </Text>
        <Text className='welcome__note'>这是本地云上的演示数据。选一个人进入，之后可以在「我的 → 开发身份」换人。</Text>
      </View>
      {failed ? (
        <View className='welcome__group'>
          <Text className='welcome__hint'>没能读到演示人员：本地云是否在运行？</Text>
          <Text className='welcome__retry' onClick={read} data-testid='dev-welcome-retry'>重新读取</Text>
        </View>
      ) : null}
      {people === null && !failed ? <Text className='welcome__hint welcome__hint--pad'>正在读取演示人员…</Text> : null}
      {people
        ? GROUPS.map((group) => {
            const members = people.filter((p) => groupOf(p) === group.key)
            if (members.length === 0) return null
            return (
              <View key={group.key} className='welcome__group' data-testid={`dev-welcome-group-${group.key}`}>
                <Text className='welcome__group-title'>{group.title}</Text>
                <Text className='welcome__hint'>{group.hint}</Text>
                {members.map((p) => (
                  <View key={p.openid} className='welcome__person' onClick={() => choose(p.openid)} data-testid={`dev-welcome-${p.openid}`}>
                    <Text className='welcome__name'>{p.name}</Text>
                    <Text className='welcome__where'>{p.branchNames?.join('、') || ''}</Text>
                    <Text className='welcome__go'>进入 ›</Text>
                  </View>
                ))}
              </View>
            )
          })
        : null}
    </View>
  )
}
