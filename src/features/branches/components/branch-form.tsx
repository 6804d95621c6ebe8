/** 新建支部 / 编辑支部: name, kind, societies (comma or one per line), founding date. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ActionInput } from '../../../../types/actions'
import { BRANCH_KIND_LABELS, type BranchSummary } from '../../../../types/domain'
import { Button } from '../../../components/button'
import { Field, Segments, TextInput } from '../../../components/form'
import { DateField } from '../../../components/pickers'
import { testId } from '../../../lib/test-id'
import { parseSocieties, validateBranchForm, type BranchFormValues } from '../detail-store'
import './branch-form.scss'

const KINDS = [
  { value: 'branch' as const, label: BRANCH_KIND_LABELS.branch },
  { value: 'joint_branch' as const, label: BRANCH_KIND_LABELS.joint_branch },
]

export function BranchForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: BranchSummary
  submitLabel: string
  onSubmit(input: ActionInput<'branches.create'>): Promise<void>
  onCancel?: () => void
}) {
  const [v, setV] = useState<BranchFormValues>({
    name: initial?.name ?? '',
    kind: initial?.kind ?? 'branch',
    societies: initial?.societies.join('\n') ?? '',
    foundedOn: initial?.foundedOn ?? '',
    startedOn: initial?.startedOn ?? '',
  })
  const [errors, setErrors] = useState<Partial<Record<keyof BranchFormValues | 'form', string>>>({})
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof BranchFormValues>(k: K, value: BranchFormValues[K]) => {
    setV((x) => ({ ...x, [k]: value }))
    setErrors((e) => ({ ...e, [k]: undefined, form: undefined }))
  }

  const submit = async () => {
    const found = validateBranchForm(v)
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await onSubmit({ name: v.name.trim(), kind: v.kind, societies: parseSocieties(v.societies), ...(v.foundedOn ? { foundedOn: v.foundedOn } : {}), ...(v.startedOn ? { startedOn: v.startedOn } : {}) })
    } catch (e) {
      setErrors({ form: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='branch-form' {...testId('branch-form')}>
      <Field label='支部名称' error={errors.name} errorId='branch-name-error'>
        <TextInput id='branch-name' value={v.name} onChange={(x) => set('name', x)} placeholder='例如：省计算机学会党支部' maxlength={60} />
      </Field>
      <Field label='支部类型'>
        <Segments id='branch-kind' options={KINDS} value={v.kind} onChange={(x) => set('kind', x)} />
      </Field>
      <Field label='所属学会' error={errors.societies} hint='多个学会用逗号分隔，或每行一个'>
        <TextInput id='branch-societies' multiline value={v.societies} onChange={(x) => set('societies', x)} placeholder='例如：省计算机学会' maxlength={1200} />
      </Field>
      <Field label='成立日期（可不填）' error={errors.foundedOn}>
        <DateField id='branch-founded' value={v.foundedOn} onChange={(x) => set('foundedOn', x)} />
      </Field>
      <Field label='启用日期（可不填）' error={errors.startedOn} hint='考核从这一天起计（不早于成立日期）；不填则从在本系统建立支部之日起。补录历史记录时填更早的日期'>
        <DateField id='branch-started' value={v.startedOn ?? ''} onChange={(x) => set('startedOn', x)} />
      </Field>
      {errors.form ? (
        <Text className='branch-form__error' {...testId('branch-form-error')}>
          {errors.form}
        </Text>
      ) : null}
      <View className='branch-form__actions'>
        {onCancel ? <Button onClick={onCancel}>取消</Button> : null}
        <Button type='primary' loading={busy} onClick={submit} {...testId('branch-submit')}>
          {submitLabel}
        </Button>
      </View>
    </View>
  )
}
