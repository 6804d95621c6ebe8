import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Field, Segments, TextInput } from '../../../../components/form'
import { DateField, SelectField } from '../../../../components/pickers'
import { Section } from '../../../../components/section'
import { ErrorState, LoadingState } from '../../../../components/states'
import { issue, loadIssueForm } from '../../../../features/transfers/store'
import { monthText } from '../../../../features/transfers/words'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { newClientRequestId } from '../../../../lib/request-id'
import { testId } from '../../../../lib/test-id'
import { todayInShanghai } from '../../../../lib/time'
import { errorMessage } from '../../../../services/api'
import { dateText } from '../../../../../types/time-text'
import { transferDetailPage } from '../../routes'
import '../transfers.scss'

/** The months around today for 党费交至: six back, six ahead (YYYY-MM). */
function monthsAround(today: string): string[] {
  const [y, m] = today.split('-').map(Number)
  return Array.from({ length: 13 }, (_, i) => {
    const total = y * 12 + (m - 1) + i - 6
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
  })
}

interface Loaded {
  member: { id: string; name: string; branchId: string; partyStatus: string; joinedPartyOn: string | null; state: string }
  branches: { id: string; name: string }[]
  validDays: number
  /** The last month the ledger shows settled (党费交至's default), or null. */
  duesPaidTo: string | null
}

/** 转出: the secretary or 组织委员 issues a member's 介绍信, to a branch of this deployment or an organisation outside it. */
export default function TransferIssuePage() {
  const memberId = decodeURIComponent(useRouter().params.memberId ?? '')
  const status = useSessionBootstrap()
  const today = todayInShanghai()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [where, setWhere] = useState<'inside' | 'outside'>('inside')
  const [toBranchId, setToBranchId] = useState('')
  const [toOrgName, setToOrgName] = useState('')
  const [letterNo, setLetterNo] = useState('')
  const [issuedOn, setIssuedOn] = useState(today)
  const [duesPaidTo, setDuesPaidTo] = useState(today.slice(0, 7))
  const [validDays, setValidDays] = useState('')
  const [reason, setReason] = useState('')
  const [requestId] = useState(newClientRequestId)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = async () => {
    setLoadError(null)
    try {
      const form = await loadIssueForm(memberId)
      setLoaded(form)
      setValidDays(String(form.validDays))
      if (form.duesPaidTo) setDuesPaidTo(form.duesPaidTo)
      setToBranchId(form.branches[0]?.id ?? '')
      if (!form.branches.length) setWhere('outside')
    } catch (e) {
      setLoadError(errorMessage(e))
    }
  }
  useEffect(() => {
    if (status === 'ready' && memberId) void load()
  }, [status, memberId])

  if (!memberId) return <ErrorState message='缺少党员编号' />
  if (loadError) return <ErrorState message={loadError} onRetry={() => void load()} />
  if (!loaded) return <LoadingState />
  const m = loaded.member
  if (m.state !== 'active') return <ErrorState message={`${m.name} 已转出本支部`} />

  const save = async () => {
    if (!letterNo.trim()) return setError('请填写介绍信编号')
    if (where === 'outside' && !toOrgName.trim()) return setError('请填写接收党组织名称')
    if (where === 'inside' && !toBranchId) return setError('请选择接收的支部')
    const days = Number(validDays)
    if (!Number.isInteger(days) || days < 1 || days > 180) return setError('有效期应为 1 至 180 天')
    setSaving(true)
    setError(null)
    try {
      const t = await issue({
        memberId,
        letterNo: letterNo.trim(),
        ...(where === 'inside' ? { toBranchId } : { toOrgName: toOrgName.trim() }),
        issuedOn,
        duesPaidTo,
        validDays: days,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        clientRequestId: requestId,
      })
      void Taro.redirectTo({ url: transferDetailPage(t.id) })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='transfer'>
      <View className='transfer__item'>
        <Text className='transfer__name'>{m.name}</Text>
        <Text className='transfer__meta'>
          {m.partyStatus === 'full' ? '正式党员' : '预备党员'}
          {m.joinedPartyOn ? ` · ${dateText(m.joinedPartyOn)}入党` : ''}
        </Text>
      </View>
      <Section title='组织关系介绍信'>
        <Field label='介绍信编号'>
          <TextInput id='issue-letter' value={letterNo} onChange={setLetterNo} maxlength={30} placeholder={`如：科社党转〔${today.slice(0, 4)}〕1号`} />
        </Field>
        <Field label='接收党组织'>
          <Segments<'inside' | 'outside'> id='issue-where' value={where} onChange={(v) => setWhere(v)} options={[{ value: 'inside', label: '本系统内的支部' }, { value: 'outside', label: '其他党组织' }]} />
        </Field>
        {where === 'inside' ? (
          loaded.branches.length ? (
            <Field label='接收支部' hint='对方支部书记会在「待办」中看到，接收后即转入。'>
              <SelectField id='issue-branch' value={toBranchId} onChange={setToBranchId} options={loaded.branches.map((b) => ({ value: b.id, label: b.name }))} />
            </Field>
          ) : (
            <Text className='transfer__hint'>本系统内没有其他支部。</Text>
          )
        ) : (
          <Field label='接收党组织名称' hint='回执应在一个月内寄回，逾期未登记会提醒支部书记。'>
            <TextInput id='issue-org' value={toOrgName} onChange={setToOrgName} maxlength={50} placeholder='如：北京市某研究院党委' />
          </Field>
        )}
        <Field label='开具日期'>
          <DateField id='issue-date' value={issuedOn} onChange={setIssuedOn} />
        </Field>
        <Field label='党费交至'>
          <SelectField id='issue-dues' value={duesPaidTo} onChange={setDuesPaidTo} options={[...new Set([duesPaidTo, ...monthsAround(today)])].sort().map((x) => ({ value: x, label: monthText(x) }))} />
        </Field>
        <Field label='有效期（天）' hint={`党委设定的默认有效期为 ${loaded.validDays} 天。`}>
          <TextInput id='issue-valid' type='number' value={validDays} onChange={setValidDays} maxlength={3} />
        </Field>
        <Field label='转出原因（可不填）'>
          <TextInput id='issue-reason' value={reason} onChange={setReason} maxlength={100} placeholder='如：工作调动' />
        </Field>
        <Text className='transfer__hint'>开具后，{m.name}即从本支部花名册转出（过去的记录保留）；对方接收前本支部可以撤回，撤回或对方退回时自动恢复。</Text>
        {error ? (
          <Text className='transfer__error' {...testId('issue-error')}>
            {error}
          </Text>
        ) : null}
        <Button type='primary' block loading={saving} onClick={() => void save()} {...testId('issue-save')}>
          开具介绍信
        </Button>
      </Section>
      <View className='transfer__bottom' />
    </View>
  )
}
