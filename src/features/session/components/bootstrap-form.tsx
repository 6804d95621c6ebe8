/**
 * 首次部署：初始化党委. The committee's first administrator enters the deployment token (BOOTSTRAP_TOKEN, set on the
 * `api` function) once; the cloud creates its collections and makes them the first committee admin.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Field, TextInput } from '../../../components/form'
import { testId } from '../../../lib/test-id'
import { errorMessage } from '../../../services/api'
import { bootstrap } from '../bootstrap'
import './bootstrap-form.scss'

interface Values {
  token: string
  committeeName: string
  adminName: string
}

export function validateBootstrap(v: Values): Partial<Record<keyof Values, string>> {
  const errors: Partial<Record<keyof Values, string>> = {}
  if (v.token.trim().length < 8) errors.token = '请输入部署时设置的初始化口令（至少 8 位）'
  if (!v.committeeName.trim()) errors.committeeName = '请填写党委名称'
  if (!v.adminName.trim()) errors.adminName = '请填写你的姓名'
  return errors
}

export function BootstrapForm({ onDone }: { onDone(): void }) {
  const [v, setV] = useState<Values>({ token: '', committeeName: '', adminName: '' })
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (k: keyof Values, value: string) => {
    setV((x) => ({ ...x, [k]: value }))
    setErrors((e) => ({ ...e, [k]: undefined }))
    setFormError(null)
  }

  const submit = async () => {
    const found = validateBootstrap(v)
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await bootstrap({ token: v.token.trim(), committeeName: v.committeeName.trim(), adminName: v.adminName.trim() })
      onDone()
    } catch (e) {
      setFormError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='bootstrap'>
      <Text className='bootstrap__lead'>
        新部署的小程序需要先初始化：输入部署时在云函数 api 上设置的初始化口令（BOOTSTRAP_TOKEN），你将成为党委的第一位管理员。初始化只能进行一次。
      </Text>
      <Field label='初始化口令' error={errors.token}>
        <TextInput id='bootstrap-token' value={v.token} onChange={(x) => set('token', x)} placeholder='部署时设置的口令' maxlength={128} />
      </Field>
      <Field label='党委名称' error={errors.committeeName}>
        <TextInput id='bootstrap-committee' value={v.committeeName} onChange={(x) => set('committeeName', x)} placeholder='例如：省科协社会组织行业党委' maxlength={60} />
      </Field>
      <Field label='你的姓名' error={errors.adminName}>
        <TextInput id='bootstrap-admin' value={v.adminName} onChange={(x) => set('adminName', x)} placeholder='你的真实姓名' maxlength={20} />
      </Field>
      {formError ? (
        <Text className='bootstrap__error' {...testId('bootstrap-error')}>
          {formError}
        </Text>
      ) : null}
      <Button type='primary' size='large' block loading={busy} disabled={busy} onClick={submit} {...testId('bootstrap-submit')}>
        初始化
      </Button>
    </View>
  )
}
