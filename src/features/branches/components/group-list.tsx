/** The branch's party groups (党小组): each with its leader and size; the secretary adds and renames them. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { EmptyState } from '../../../components/states'
import { TextInput } from '../../../components/form'
import { testId } from '../../../lib/test-id'
import { useBranchDetailStore, type Group } from '../detail-store'
import './group-list.scss'

export function GroupList({ canEdit }: { canEdit: boolean }) {
  const groups = useBranchDetailStore((s) => s.detail?.groups)
  const addGroup = useBranchDetailStore((s) => s.addGroup)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!groups) return null

  const add = async () => {
    const n = name.trim()
    if (!n) return setError('请填写党小组名称')
    if (n.length > 30) return setError('党小组名称不能超过 30 个字')
    if (groups.some((g) => g.name === n)) return setError('已有同名的党小组')
    setBusy(true)
    setError(null)
    try {
      await addGroup(n)
      setName('')
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='group-list' {...testId('group-list')}>
      {groups.length ? groups.map((g) => <GroupRow key={g.id} group={g} canEdit={canEdit} />) : <EmptyState title='还没有党小组' hint={canEdit ? '党员较多的支部可以划分党小组' : undefined} />}
      {canEdit ? (
        <View className='group-list__add'>
          <View className='group-list__input'>
            <TextInput id='group-name' value={name} onChange={(x) => (setName(x), setError(null))} placeholder='新党小组名称，如 第一党小组' maxlength={30} onConfirm={add} />
          </View>
          <Button type='primary' loading={busy} onClick={add} {...testId('group-add')}>
            添加
          </Button>
        </View>
      ) : null}
      {error ? (
        <Text className='group-list__error' {...testId('group-error')}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}

function GroupRow({ group, canEdit }: { group: Group; canEdit: boolean }) {
  const rename = useBranchDetailStore((s) => s.renameGroup)
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(group.name)
  const [error, setError] = useState<string | null>(null)
  if (editing)
    return (
      <View className='group-list__row'>
        <View className='group-list__input'>
          <TextInput id='group-rename-input' value={name} onChange={(x) => (setName(x), setError(null))} maxlength={30} />
          {error ? <Text className='group-list__error'>{error}</Text> : null}
        </View>
        <Button onClick={() => setEditing(false)}>取消</Button>
        <Button
          type='primary'
          onClick={async () => {
            if (!name.trim()) return setError('请填写党小组名称')
            try {
              await rename(group.id, name)
              setEditing(false)
            } catch (e) {
              setError((e as Error).message)
            }
          }}
          {...testId('group-rename-save')}
        >
          保存
        </Button>
      </View>
    )
  return (
    <View className='group-list__row' {...testId('group-item')}>
      <View className='group-list__main'>
        <Text className='group-list__name'>{group.name}</Text>
        <Text className='group-list__meta'>
          {group.memberCount} 人{group.leaderName ? ` · 组长 ${group.leaderName}` : ' · 未设组长'}
        </Text>
      </View>
      {canEdit ? (
        <Text className='group-list__action' onClick={() => (setName(group.name), setEditing(true))} {...testId('group-rename')}>
          改名
        </Text>
      ) : null}
    </View>
  )
}
