/** The caller's own name, editable in place (session.updateProfile). */
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { testId } from '../../../lib/test-id'
import { useSessionStore } from '../store'
import './profile-editor.scss'

const h5Props = (id: string) => (process.env.TARO_ENV === 'h5' ? { nativeProps: { 'data-testid': id } } : {})

export function ProfileEditor() {
  const name = useSessionStore((s) => s.name)
  const committeeName = useSessionStore((s) => s.committeeName)
  const updateName = useSessionStore((s) => s.updateName)
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    const n = value.trim()
    if (!n) return setError('请填写姓名')
    if (n.length > 20) return setError('姓名不能超过 20 个字')
    setBusy(true)
    setError(null)
    try {
      await updateName(n)
      setEditing(false)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='profile'>
      <View className='profile__avatar'>{(name ?? '我').slice(-2)}</View>
      {editing ? (
        <View className='profile__edit'>
          <Input className='profile__input' value={value} maxlength={20} focus placeholder='你的真实姓名' onInput={(e) => (setValue(e.detail.value), setError(null))} onConfirm={save} {...h5Props('profile-name')} />
          {error ? <Text className='profile__error'>{error}</Text> : null}
          <View className='profile__actions'>
            <Button onClick={() => setEditing(false)}>取消</Button>
            <Button type='primary' loading={busy} onClick={save} {...testId('profile-save')}>
              保存
            </Button>
          </View>
        </View>
      ) : (
        <View className='profile__who'>
          <View className='profile__line'>
            <Text className='profile__name' {...testId('profile-name-text')}>
              {name ?? '未填写姓名'}
            </Text>
            <Text className='profile__change' onClick={() => (setValue(name ?? ''), setEditing(true))} {...testId('profile-edit')}>
              修改
            </Text>
          </View>
          <Text className='profile__committee'>{committeeName ?? '尚未加入组织'}</Text>
        </View>
      )}
    </View>
  )
}
