/** The current branch, with a switch when the user belongs to several. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { testId } from '../../../lib/test-id'
import { selectIsCommitteeAdmin, useBranches, useSessionStore } from '../store'
import './branch-switcher.scss'

export function BranchSwitcher() {
  const branches = useBranches()
  const currentId = useSessionStore((s) => s.currentBranchId)
  const currentName = useSessionStore((s) => s.currentBranchName)
  const switchBranch = useSessionStore((s) => s.switchBranch)
  // A committee administrator without a branch of their own works across all of them: not 「尚未选择支部」.
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const several = branches.length > 1

  const choose = async () => {
    if (!several) return
    const list = branches.slice(0, 6)
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: list.map((b) => b.branchName) })
      const picked = list[tapIndex]
      if (picked) switchBranch(picked.branchId, picked.branchName)
    } catch {
      // cancelled
    }
  }

  return (
    <View className='branch-switcher' onClick={choose}>
      <Text className='branch-switcher__name' {...testId('current-branch')}>
        {currentId ? currentName ?? '未命名支部' : isAdmin ? '党委 · 全部支部' : '尚未选择支部'}
      </Text>
      {several ? (
        <Text className='branch-switcher__action' {...testId('switch-branch')}>
          切换 ▾
        </Text>
      ) : null}
    </View>
  )
}
