/** Onboarding: a person with no roles enters the invite code from their secretary or the committee, and their name. */
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { errorMessage } from '../../../services/api'
import { testId } from '../../../lib/test-id'
import { useSessionStore } from '../store'
import './join-form.scss'

const h5Props = (id: string) => (process.env.TARO_ENV === 'h5' ? { nativeProps: { 'data-testid': id } } : {})

export function JoinForm() {
  const join = useSessionStore((s) => s.join)
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const c = code.trim().toUpperCase()
    const n = name.trim()
    if (!c) return setError('请输入邀请码')
    if (!/^[A-Z0-9]{8,16}$/.test(c)) return setError('邀请码是 8 到 16 位字母或数字，请核对')
    if (!n) return setError('请填写姓名')
    setBusy(true)
    setError(null)
    try {
      await join(c, n)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='join'>
      <Text className='join__title'>欢迎使用支部工作台</Text>
      <Text className='join__hint'>请输入支部书记或党委发给你的邀请码，并填写你的姓名。</Text>
      <View className='join__field'>
        <Text className='join__label'>邀请码</Text>
        <Input
          className='join__input'
          value={code}
          maxlength={16}
          placeholder='例如 AB12CD34'
          onInput={(e) => {
            setCode(e.detail.value)
            setError(null)
          }}
          {...h5Props('join-code')}
        />
      </View>
      <View className='join__field'>
        <Text className='join__label'>姓名</Text>
        <Input
          className='join__input'
          value={name}
          maxlength={20}
          placeholder='你的真实姓名'
          onInput={(e) => {
            setName(e.detail.value)
            setError(null)
          }}
          {...h5Props('join-name')}
        />
      </View>
      {error ? (
        <Text className='join__error' {...testId('join-error')}>
          {error}
        </Text>
      ) : null}
      <Button type='primary' size='large' block loading={busy} disabled={busy} onClick={submit} {...testId('join-submit')}>
        加入支部
      </Button>
    </View>
  )
}
