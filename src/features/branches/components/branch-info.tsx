/**
 * A branch's card: name, kind, societies, founding date, secretary, guides and head counts; 编辑 for the committee.
 * 撤销支部 is BranchArchive, which the page puts last: a destructive action never sits above the everyday ones.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { BRANCH_KIND_LABELS } from '../../../../types/domain'
import { dateText } from '../../../../types/time-text'
import { Button } from '../../../components/button'
import { ConfirmAction, Field, TextInput } from '../../../components/form'
import { testId } from '../../../lib/test-id'
import { useBranchDetailStore } from '../detail-store'
import { BranchForm } from './branch-form'
import './branch-info.scss'

export function BranchInfo({ canAdminister }: { canAdminister: boolean }) {
  const detail = useBranchDetailStore((s) => s.detail)
  const update = useBranchDetailStore((s) => s.update)
  const [editing, setEditing] = useState(false)
  if (!detail) return null
  const { branch, counts, secretaryName, guides } = detail
  const archived = branch.status === 'archived'

  if (editing)
    return (
      <BranchForm
        initial={branch}
        submitLabel='保存'
        onCancel={() => setEditing(false)}
        onSubmit={async (input) => {
          await update({ ...input, foundedOn: input.foundedOn ?? null, startedOn: input.startedOn ?? null })
          setEditing(false)
        }}
      />
    )

  return (
    <View className='branch-info' {...testId('branch-info')}>
      <View className='branch-info__head'>
        <Text className='branch-info__name' {...testId('branch-name-title')}>
          {branch.name}
        </Text>
        <Text className='branch-info__kind'>{archived ? '已撤销' : BRANCH_KIND_LABELS[branch.kind]}</Text>
      </View>
      {branch.societies.length ? <Text className='branch-info__line'>学会：{branch.societies.join('、')}</Text> : null}
      {branch.foundedOn ? <Text className='branch-info__line'>成立日期：{dateText(branch.foundedOn)}</Text> : null}
      {branch.startedOn ? <Text className='branch-info__line'>启用日期：{dateText(branch.startedOn)}</Text> : null}
      <Text className='branch-info__line' {...testId('branch-secretary')}>
        支部书记：{secretaryName ?? '尚未产生'}
      </Text>
      {guides.length ? (
        <Text className='branch-info__line'>指导：{guides.map((g) => `${g.title} ${g.name}`).join('、')}</Text>
      ) : null}
      <View className='branch-info__counts'>
        <Count n={counts.active} label='在册党员' />
        <Count n={counts.full} label='正式党员' />
        <Count n={counts.probationary} label='预备党员' />
        <Count n={counts.transferred} label='已转出' />
      </View>
      {canAdminister && !archived ? (
        <View className='branch-info__admin'>
          <Button block onClick={() => setEditing(true)} {...testId('branch-edit')}>
            编辑支部信息
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function Count({ n, label }: { n: number; label: string }) {
  return (
    <View className='branch-info__count'>
      <Text className='branch-info__n'>{n}</Text>
      <Text className='branch-info__label'>{label}</Text>
    </View>
  )
}

/**
 * 撤销支部, at the bottom of the branch page and closed until asked for: a tap opens the reason box, and the
 * archive itself is a second, confirmed step (ConfirmAction).
 */
export function BranchArchive() {
  const detail = useBranchDetailStore((s) => s.detail)
  const archive = useBranchDetailStore((s) => s.archive)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  if (!detail || detail.branch.status === 'archived') return null
  if (!open)
    return (
      <Button type='plain' block onClick={() => setOpen(true)} {...testId('branch-archive-open')}>
        撤销支部…
      </Button>
    )
  return (
    <View className='branch-info__archive' {...testId('branch-archive-box')}>
      <Field label='撤销原因（必填）' error={reasonError} hint='撤销后支部不再出现在列表中，记录保留'>
        <TextInput id='archive-reason' value={reason} onChange={(x) => (setReason(x), setReasonError(null))} placeholder='例如：所在学会注销' maxlength={100} />
      </Field>
      <ConfirmAction
        id='branch-archive'
        label='撤销支部'
        question={`确定撤销“${detail.branch.name}”吗？`}
        confirmLabel='确认撤销'
        disabled={!reason.trim()}
        onConfirm={() => archive(reason)}
      />
      <View className='branch-info__gap' />
      <Button block onClick={() => (setOpen(false), setReason(''), setReasonError(null))}>
        不撤销
      </Button>
    </View>
  )
}
