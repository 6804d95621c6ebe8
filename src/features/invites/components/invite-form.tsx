/** Makes an invitation: for whom (the presets the caller may use), party group, uses, days, approval. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Field, Segments, TextInput } from '../../../components/form'
import { SelectField } from '../../../components/pickers'
import { testId } from '../../../lib/test-id'
import { PARTY_STATUSES, PARTY_STATUS_LABELS, type PartyStatus } from '../../../../types/domain'
import { validateInviteForm, type InvitePreset } from '../labels'
import { useInvitesStore } from '../store'
import './invites.scss'

export function InviteForm({ presets, groups = [], onDone }: { presets: InvitePreset[]; groups?: { id: string; name: string }[]; onDone?: () => void }) {
  const create = useInvitesStore((s) => s.create)
  const [key, setKey] = useState(presets[0]?.key ?? '')
  const preset = presets.find((p) => p.key === key) ?? presets[0]
  const [maxUses, setMaxUses] = useState(String(preset?.maxUses ?? 1))
  const [days, setDays] = useState(String(preset?.expiresInDays ?? 7))
  const [groupId, setGroupId] = useState('')
  const [approval, setApproval] = useState<'no' | 'yes'>('no')
  // Joining without approval records the person at once, so the code says 正式 or 预备 (the secretary picks it when
  // approving otherwise); 支委 codes are for 正式党员 only.
  const [partyStatus, setPartyStatus] = useState<PartyStatus>('full')
  const [errors, setErrors] = useState<{ maxUses?: string; expiresInDays?: string; form?: string }>({})
  const [busy, setBusy] = useState(false)
  if (!preset) return null
  const asksPartyStatus = preset.role === 'member' && approval === 'no'

  const pick = (k: string) => {
    const p = presets.find((x) => x.key === k)
    if (!p) return
    setKey(k)
    setMaxUses(String(p.maxUses))
    setDays(String(p.expiresInDays))
    setErrors({})
  }

  const submit = async () => {
    const found = validateInviteForm({ maxUses, expiresInDays: days })
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await create({
        role: preset.role,
        ...(preset.title ? { title: preset.title } : {}),
        ...(groupId && preset.role === 'member' ? { groupId } : {}),
        requiresApproval: approval === 'yes',
        ...(asksPartyStatus ? { partyStatus } : {}),
        maxUses: Number(maxUses),
        expiresInDays: Number(days),
      })
      onDone?.()
    } catch (e) {
      setErrors({ form: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='invite-form' {...testId('invite-form')}>
      {presets.length > 1 ? (
        <Field label='邀请谁'>
          <Segments id='invite-role' options={presets.map((p) => ({ value: p.key, label: p.label }))} value={preset.key} onChange={pick} />
        </Field>
      ) : null}
      {preset.role === 'member' && groups.length ? (
        <Field label='加入党小组（可不选）'>
          <SelectField id='invite-group' value={groupId} options={[{ value: '', label: '不指定' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} onChange={setGroupId} />
        </Field>
      ) : null}
      <View className='invite-form__row'>
        <View className='invite-form__half'>
          <Field label='可用次数' error={errors.maxUses}>
            <TextInput id='invite-uses' type='number' value={maxUses} onChange={(x) => (setMaxUses(x), setErrors({}))} maxlength={3} />
          </Field>
        </View>
        <View className='invite-form__half'>
          <Field label='有效天数' error={errors.expiresInDays}>
            <TextInput id='invite-days' type='number' value={days} onChange={(x) => (setDays(x), setErrors({}))} maxlength={2} />
          </Field>
        </View>
      </View>
      <Field label='加入方式'>
        <Segments<'no' | 'yes'>
          id='invite-approval'
          options={[
            { value: 'no', label: '凭码直接加入' },
            { value: 'yes', label: '需书记审核' },
          ]}
          value={approval}
          onChange={setApproval}
        />
      </Field>
      {asksPartyStatus ? (
        <Field label='凭此码加入的人记为' hint='预备党员和正式党员请分别生成邀请码；加入后书记仍可在名册中更正'>
          <Segments<PartyStatus>
            id='invite-party-status'
            options={PARTY_STATUSES.map((s) => ({ value: s, label: PARTY_STATUS_LABELS[s] }))}
            value={partyStatus}
            onChange={setPartyStatus}
          />
        </Field>
      ) : null}
      {errors.form ? (
        <Text className='invite-form__error' {...testId('invite-form-error')}>
          {errors.form}
        </Text>
      ) : null}
      <Button type='primary' block loading={busy} onClick={submit} {...testId('invite-submit')}>
        生成{preset.label}邀请码
      </Button>
    </View>
  )
}
