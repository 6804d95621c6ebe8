/** Roles per branch; tapping a branch makes it current. */
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '../../../../types/domain'
import { testId } from '../../../lib/test-id'
import { useBranches, useSessionStore } from '../store'
import './role-list.scss'

export function RoleList() {
  const branches = useBranches()
  const roles = useSessionStore((s) => s.roles)
  const committeeName = useSessionStore((s) => s.committeeName)
  const currentId = useSessionStore((s) => s.currentBranchId)
  const switchBranch = useSessionStore((s) => s.switchBranch)
  const committeeRoles = roles.filter((r) => !r.branchId)

  if (!roles.length) return <Text className='role-list__none'>尚未加入任何支部</Text>
  return (
    <View className='role-list'>
      {committeeRoles.map((r) => (
        <View key={r.role} className='role-list__row'>
          <Text className='role-list__branch'>{committeeName ?? '党委'}</Text>
          <Text className='role-list__role'>{ROLE_LABELS[r.role]}</Text>
        </View>
      ))}
      {branches.map((b) => (
        <View
          key={b.branchId}
          className={`role-list__row ${b.branchId === currentId ? 'role-list__row--on' : ''}`}
          onClick={() => switchBranch(b.branchId, b.branchName)}
          {...testId(`branch-${b.branchId}`)}
        >
          <View className='role-list__left'>
            <Text className='role-list__branch'>{b.branchName}</Text>
            {b.branchId === currentId ? <Text className='role-list__current'>当前</Text> : null}
          </View>
          <Text className='role-list__role'>{b.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
        </View>
      ))}
    </View>
  )
}
