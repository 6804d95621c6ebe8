/**
 * Onboarding: a person enters the invite code from their secretary or the committee (typed, prefilled from the
 * wxacode's scene, or scanned on weapp) and their name. An invitation that needs approval ends in a clear
 * "waiting" note instead of roles.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { ApiCallError, errorMessage } from '../../../services/api'
import { testId } from '../../../lib/test-id'
import { codeFromScan, INVITE_CODE, INVITE_CODE_EXAMPLE, normalizeCode } from '../invite-code'
import { useSessionStore, type JoinOutcome } from '../store'
import './join-form.scss'

const h5Props = (id: string) => (process.env.TARO_ENV === 'h5' ? { nativeProps: { 'data-testid': id } } : {})

export function joinErrorMessage(e: unknown): string {
  if (e instanceof ApiCallError && e.code === 'RATE_LIMITED') return `${e.message}（错误次数过多，请稍后再试，或向支部书记核对邀请码）`
  return errorMessage(e)
}

export function JoinForm({ initialCode = '', compact }: { initialCode?: string; compact?: boolean }) {
  const join = useSessionStore((s) => s.join)
  const knownName = useSessionStore((s) => s.name)
  const [code, setCode] = useState(initialCode)
  const [name, setName] = useState(knownName ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<JoinOutcome | null>(null)

  const submit = async () => {
    const c = normalizeCode(code)
    const n = name.trim()
    if (!c) return setError('请输入邀请码')
    if (!INVITE_CODE.test(c)) return setError('邀请码是 8 到 16 位字母或数字，请核对')
    if (!n) return setError('请填写姓名')
    if (n.length > 20) return setError('姓名不能超过 20 个字')
    setBusy(true)
    setError(null)
    try {
      const result = await join(c, n)
      setOutcome(result)
      if (!result.pending) setCode('')
    } catch (e) {
      setError(joinErrorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false })
      const found = codeFromScan(res as { path?: string; result?: string })
      if (found) {
        setCode(found)
        setError(null)
      } else setError('没有识别出邀请码，请对准支部发来的二维码，或手动输入')
    } catch {
      // cancelled
    }
  }

  if (outcome?.pending)
    return (
      <View className={`join ${compact ? 'join--compact' : ''}`} {...testId('join-pending')}>
        <Text className='join__title'>已提交申请</Text>
        <Text className='join__hint'>已提交申请，等待支部书记审核。审核通过后，重新打开小程序即可看到“{outcome.branchName}”。</Text>
        <Button onClick={() => setOutcome(null)}>换一个邀请码</Button>
      </View>
    )

  return (
    <View className={`join ${compact ? 'join--compact' : ''}`}>
      {compact ? null : <Text className='join__title'>欢迎使用支部工作台</Text>}
      <Text className='join__hint'>请输入支部书记或党委发给你的邀请码，并填写你的姓名。</Text>
      {outcome && !outcome.pending ? (
        <Text className='join__ok' {...testId('join-ok')}>
          已加入{outcome.branchName}
        </Text>
      ) : null}
      <View className='join__field'>
        <Text className='join__label'>邀请码</Text>
        <View className='join__code'>
          <Input
            className='join__input join__input--code'
            value={code}
            maxlength={16}
            placeholder={`例如 ${INVITE_CODE_EXAMPLE}`}
            onInput={(e) => {
              setCode(e.detail.value)
              setError(null)
            }}
            {...h5Props('join-code')}
          />
          {process.env.TARO_ENV === 'weapp' ? (
            <Button onClick={scan} className='join__scan'>
              扫码
            </Button>
          ) : null}
        </View>
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
