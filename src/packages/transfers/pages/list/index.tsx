import { useEffect, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Field, Segments, TextInput } from '../../../../components/form'
import { DateField } from '../../../../components/pickers'
import { Section } from '../../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { mine as myTransfers, receive as receiveTransfer, useTransferList, type TransferScope, type TransferSummary } from '../../../../features/transfers/store'
import { routeText, waitingText } from '../../../../features/transfers/words'
import { isCommitteeAdmin, rolesInBranch, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { newClientRequestId } from '../../../../lib/request-id'
import { testId } from '../../../../lib/test-id'
import { todayInShanghai } from '../../../../lib/time'
import { errorMessage } from '../../../../services/api'
import { dateText } from '../../../../../types/time-text'
import { transferDetailPage } from '../../routes'
import '../transfers.scss'

type Tab = 'in' | 'out' | 'flight'

function Row({ t }: { t: TransferSummary }) {
  const w = waitingText(t)
  return (
    <View className='transfer__item' onClick={() => void Taro.navigateTo({ url: transferDetailPage(t.id) })} {...testId(`transfer-row-${t.memberName}`)}>
      <View className='transfer__head'>
        <Text className='transfer__name'>{t.memberName}</Text>
        <Text className={`transfer__badge transfer__badge--${t.state}`}>{t.stateLabel}</Text>
      </View>
      <Text className='transfer__route'>{routeText(t)}</Text>
      <Text className='transfer__meta'>
        介绍信 {t.letterNo} · {dateText(t.issuedOn)}开具
      </Text>
      <Text className={w.warn ? 'transfer__warn' : 'transfer__meta'}>{w.text}</Text>
    </View>
  )
}

/** 登记外单位转入: the incoming letter, the member's dates; answers the invitation code they join by. */
function ReceiveForm({ branchId, onDone }: { branchId: string; onDone(id: string): void }) {
  const today = todayInShanghai()
  const [f, setF] = useState({ name: '', letterNo: '', fromOrgName: '', issuedOn: today, validUntil: '', duesPaidTo: today.slice(0, 7), partyStatus: 'full' as 'full' | 'probationary', joinedPartyOn: '', confirmedOn: '' })
  const [requestId] = useState(newClientRequestId)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }))
  const save = async () => {
    if (!f.name.trim() || !f.letterNo.trim() || !f.fromOrgName.trim()) return setError('请填写姓名、介绍信编号和转出党组织')
    if (!f.validUntil || !f.joinedPartyOn) return setError('请填写有效期和入党日期')
    setSaving(true)
    setError(null)
    try {
      const t = await receiveTransfer({
        branchId,
        name: f.name.trim(),
        letterNo: f.letterNo.trim(),
        fromOrgName: f.fromOrgName.trim(),
        issuedOn: f.issuedOn,
        validUntil: f.validUntil,
        duesPaidTo: f.duesPaidTo,
        partyStatus: f.partyStatus,
        joinedPartyOn: f.joinedPartyOn,
        ...(f.partyStatus === 'full' && f.confirmedOn ? { confirmedOn: f.confirmedOn } : {}),
        clientRequestId: requestId,
      })
      onDone(t.id)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Section title='登记外单位转入'>
      <Field label='姓名'>
        <TextInput id='receive-name' value={f.name} onChange={set('name')} maxlength={20} />
      </Field>
      <Field label='介绍信编号'>
        <TextInput id='receive-letter' value={f.letterNo} onChange={set('letterNo')} maxlength={30} placeholder='如：沪党转〔2026〕88号' />
      </Field>
      <Field label='转出党组织'>
        <TextInput id='receive-from' value={f.fromOrgName} onChange={set('fromOrgName')} maxlength={50} />
      </Field>
      <Field label='开具日期'>
        <DateField id='receive-issued' value={f.issuedOn} onChange={set('issuedOn')} />
      </Field>
      <Field label='有效期至'>
        <DateField id='receive-valid' value={f.validUntil} onChange={set('validUntil')} />
      </Field>
      <Field label='党费交至（月份）' hint='格式：2026-11'>
        <TextInput id='receive-dues' value={f.duesPaidTo} onChange={set('duesPaidTo')} maxlength={7} />
      </Field>
      <Field label='党员身份'>
        <Segments id='receive-status' value={f.partyStatus} onChange={(v) => setF((x) => ({ ...x, partyStatus: v }))} options={[{ value: 'full', label: '正式党员' }, { value: 'probationary', label: '预备党员' }]} />
      </Field>
      <Field label='入党日期'>
        <DateField id='receive-joined' value={f.joinedPartyOn} onChange={set('joinedPartyOn')} />
      </Field>
      {f.partyStatus === 'full' ? (
        <Field label='转正日期'>
          <DateField id='receive-confirmed' value={f.confirmedOn} onChange={set('confirmedOn')} />
        </Field>
      ) : null}
      {error ? <Text className='transfer__error' {...testId('receive-error')}>{error}</Text> : null}
      <Button type='primary' block loading={saving} onClick={() => void save()} {...testId('receive-save')}>
        登记并生成邀请码
      </Button>
    </Section>
  )
}

/**
 * 组织关系转接: the branch's letters in (to accept) and out (to follow), the committee's transfers in flight, and for
 * a member without a branch role their own letters.
 */
export default function TransferListPage() {
  const params = useRouter().params
  const status = useSessionBootstrap()
  const branchId = useSessionStore((s) => s.currentBranchId)
  const roles = useSessionStore((s) => s.roles)
  const admin = isCommitteeAdmin(roles)
  const keeps = rolesInBranch(roles, branchId).some((r) => r === 'secretary' || r === 'branch_committee')
  const [tab, setTab] = useState<Tab>(params.direction === 'out' ? 'out' : keeps || !admin ? 'in' : 'flight')
  const [receiving, setReceiving] = useState(false)
  const [mine, setMine] = useState<TransferSummary[] | null>(null)
  const [mineError, setMineError] = useState<string | null>(null)
  const list = useTransferList()
  const scope: TransferScope | null = tab === 'flight' ? { branchId: null, direction: 'in' } : keeps && branchId ? { branchId, direction: tab } : null

  const loadMine = () => {
    setMineError(null)
    myTransfers()
      .then((items) => setMine(items))
      .catch((e: unknown) => setMineError(errorMessage(e)))
  }
  useEffect(() => {
    if (status !== 'ready') return
    if (scope) void list.load(scope)
    else if (!admin) loadMine()
  }, [status, tab, branchId, keeps])
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh()
  })
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(async () => {
    if (scope) await list.refresh()
    else loadMine()
    Taro.stopPullDownRefresh()
  })

  if (status === 'idle' || status === 'loading') return <LoadingState />

  if (!keeps && !admin) {
    return (
      <View className='transfer'>
        {mineError ? <ErrorState message={mineError} onRetry={loadMine} /> : null}
        {!mine && !mineError ? <LoadingState /> : null}
        {mine && !mine.length ? <EmptyState title='你还没有组织关系转接记录' hint='需要转出时，请向支部书记提出，由支部开具介绍信。' /> : null}
        {(mine ?? []).map((t) => (
          <Row key={t.id} t={t} />
        ))}
      </View>
    )
  }

  const tabs: { value: Tab; label: string }[] = [...(keeps ? ([{ value: 'in', label: '转入本支部' }, { value: 'out', label: '从本支部转出' }] as const) : []), ...(admin ? ([{ value: 'flight', label: '全部在途' }] as const) : [])]
  return (
    <View className='transfer'>
      <View className='transfer__tabs'>
        {tabs.map((t) => (
          <Text key={t.value} className={`transfer__tab ${t.value === tab ? 'transfer__tab--on' : ''}`} onClick={() => setTab(t.value)} {...testId(`transfer-tab-${t.value}`)}>
            {t.label}
          </Text>
        ))}
      </View>
      {tab === 'in' && keeps && branchId ? (
        receiving ? (
          <ReceiveForm branchId={branchId} onDone={(id) => (setReceiving(false), void Taro.navigateTo({ url: transferDetailPage(id) }))} />
        ) : (
          <View className='transfer__actions'>
            <Button type='plain' block onClick={() => setReceiving(true)} {...testId('transfer-receive')}>
              ＋ 登记外单位转入
            </Button>
          </View>
        )
      ) : null}
      {tab === 'out' ? <Text className='transfer__hint transfer__actions'>转出：在花名册中打开党员，点「开具组织关系介绍信」。</Text> : null}
      {list.status === 'error' && !list.items.length ? <ErrorState message={list.error ?? '加载失败'} onRetry={() => void list.refresh()} /> : null}
      {list.status === 'loading' && !list.items.length ? <LoadingState /> : null}
      {list.status === 'ready' && !list.items.length ? <EmptyState title={tab === 'in' ? '没有转入本支部的介绍信' : tab === 'out' ? '本支部还没有开具过介绍信' : '没有在途的组织关系转接'} /> : null}
      {list.items.map((t) => (
        <Row key={t.id} t={t} />
      ))}
      {list.nextCursor ? (
        <View className='transfer__actions'>
          <Button type='plain' block loading={list.loadingMore} onClick={() => void list.loadMore()}>
            加载更多
          </Button>
        </View>
      ) : null}
      {list.moreError ? <Text className='transfer__error'>{list.moreError}</Text> : null}
      <View className='transfer__bottom' />
    </View>
  )
}
