import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Field, TextInput } from '../../../../components/form'
import { DateField } from '../../../../components/pickers'
import { Section } from '../../../../components/section'
import { ErrorState, LoadingState } from '../../../../components/states'
import { useTransferStore } from '../../../../features/transfers/store'
import { monthText, routeText, waitingText } from '../../../../features/transfers/words'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'
import { todayInShanghai } from '../../../../lib/time'
import { beijingDateTimeText, dateText } from '../../../../../types/time-text'
import { PrintLetter, SenderSteps } from './sender-steps'
import '../transfers.scss'

const KIND_WORDS = { inside: '本系统内支部之间', to_outside: '转往本系统以外', from_outside: '从本系统以外转入' } as const

function Fact({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='transfer__fact'>
      <Text className='transfer__fact-label'>{label}</Text>
      <Text className='transfer__fact-value' {...(id ? testId(id) : {})}>
        {value}
      </Text>
    </View>
  )
}

/** One 介绍信: its facts, what is awaited, and the step the reader may take (接收 / 退回 / 登记回执). */
export default function TransferDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const status = useSessionBootstrap()
  const s = useTransferStore()
  const today = todayInShanghai()
  const [on, setOn] = useState(today)
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [returning, setReturning] = useState(false)

  useEffect(() => {
    if (status === 'ready' && id) void s.load(id)
  }, [status, id])

  if (!id) return <ErrorState message='缺少转接记录编号' />
  if (status !== 'ready' || (!s.transfer && s.status !== 'error')) return <LoadingState />
  if (!s.transfer || s.id !== id) return <ErrorState message={s.error ?? '加载失败'} onRetry={() => void s.load(id)} />
  const t = s.transfer
  const w = waitingText(t)
  return (
    <View className='transfer'>
      <View className='transfer__item'>
        <View className='transfer__head'>
          <Text className='transfer__name'>{t.memberName}</Text>
          <Text className={`transfer__badge transfer__badge--${t.state}`} {...testId('transfer-state')}>
            {t.stateLabel}
          </Text>
        </View>
        <Text className='transfer__route'>{routeText(t)}</Text>
        <Text className={w.warn ? 'transfer__warn' : 'transfer__meta'}>{w.text}</Text>
      </View>
      <Section title='介绍信'>
        <View className='transfer__facts'>
          <Fact label='编号' value={t.letterNo} />
          <Fact label='类别' value={KIND_WORDS[t.kind]} />
          <Fact label='开具日期' value={dateText(t.issuedOn)} />
          <Fact label='有效期至' value={dateText(t.validUntil)} />
          <Fact label='党费交至' value={monthText(t.duesPaidTo)} />
          {t.receiptDueOn ? <Fact label='回执期限' value={dateText(t.receiptDueOn)} /> : null}
          {t.receiptOn ? <Fact label='回执日期' value={`${dateText(t.receiptOn)}${t.receiptNote ? `（${t.receiptNote}）` : ''}`} /> : null}
          {t.reason ? <Fact label='转出原因' value={t.reason} /> : null}
          {t.returnReason ? <Fact label='退回原因' value={t.returnReason} /> : null}
          {t.withdrawReason ? <Fact label='撤回原因' value={t.withdrawReason} id='transfer-withdraw-reason' /> : null}
          {t.recruitId ? <Fact label='发展党员档案' value={`随转至${t.toName}`} id='transfer-recruit' /> : null}
        </View>
      </Section>
      <Section title='党员信息（随介绍信转移）'>
        <View className='transfer__facts'>
          <Fact label='党员身份' value={t.partyStatus === 'full' ? '正式党员' : '预备党员'} id='transfer-status' />
          <Fact label='入党日期' value={t.joinedPartyOn ? dateText(t.joinedPartyOn) : '未填写'} id='transfer-joined' />
          {t.partyStatus === 'full' ? <Fact label='转正日期' value={t.confirmedOn ? dateText(t.confirmedOn) : '未填写'} /> : null}
          {t.probationEndsOn ? <Fact label='预备期至' value={dateText(t.probationEndsOn)} /> : null}
        </View>
      </Section>
      {t.inviteCode ? (
        <Section title='邀请码'>
          <Text className='transfer__code' {...testId('transfer-invite-code')}>
            {t.inviteCode}
          </Text>
          <Text className='transfer__hint'>请把邀请码交给 {t.memberName}：在小程序「我的」中输入后，即以这条花名册记录加入本支部（30 天内有效，限用一次）。</Text>
        </Section>
      ) : null}
      {t.mayAccept ? (
        <Section title='接收'>
          {t.expired ? <Text className='transfer__warn'>介绍信已过有效期，不能接收；请退回，由原支部重新开具。</Text> : null}
          {!t.expired && !returning ? (
            <>
              <Field label='转入本支部日期'>
                <DateField id='accept-date' value={on} onChange={setOn} />
              </Field>
              <Text className='transfer__hint'>接收后，{t.memberName}以{t.partyStatus === 'full' ? '正式党员' : '预备党员'}身份列入本支部花名册，入党日期、转正日期按介绍信保留；原支部的记录仍保留在原支部。</Text>
              <Button type='primary' block loading={s.busy === 'accept'} onClick={() => void s.accept(on)} {...testId('transfer-accept')}>
                接收
              </Button>
            </>
          ) : null}
          {returning || t.expired ? (
            <>
              <Field label='退回原因'>
                <TextInput id='return-reason' value={reason} onChange={setReason} maxlength={200} placeholder='如：介绍信已过期，请重新开具' />
              </Field>
              <View className='transfer__row'>
                <Button type='primary' loading={s.busy === 'return'} onClick={() => void s.giveBack(reason.trim())} {...testId('transfer-return-confirm')}>
                  确认退回
                </Button>
                {!t.expired ? (
                  <Button type='plain' onClick={() => setReturning(false)}>
                    取消
                  </Button>
                ) : null}
              </View>
            </>
          ) : (
            <View className='transfer__row'>
              <Button type='plain' block onClick={() => setReturning(true)} {...testId('transfer-return')}>
                退回
              </Button>
            </View>
          )}
        </Section>
      ) : null}
      {t.mayRecordReceipt ? (
        <Section title='登记回执'>
          <Field label='收到回执日期'>
            <DateField id='receipt-date' value={on} onChange={setOn} />
          </Field>
          <Field label='说明（可不填）'>
            <TextInput id='receipt-note' value={note} onChange={setNote} maxlength={200} />
          </Field>
          <Button type='primary' block loading={s.busy === 'receipt'} onClick={() => void s.receipt(on, note)} {...testId('transfer-receipt')}>
            登记回执
          </Button>
        </Section>
      ) : null}
      {t.mayPrint ? <PrintLetter /> : null}
      <SenderSteps memberName={t.memberName} mayWithdraw={t.mayWithdraw} maySentBack={t.mayRecordSentBack} />
      {s.actionError ? (
        <Text className='transfer__error transfer__actions' {...testId('transfer-action-error')}>
          {s.actionError}
        </Text>
      ) : null}
      <Section title='办理记录'>
        {t.history.map((h, i) => (
          <View key={i} className='transfer__history'>
            <Text>{h.what}</Text>
            <Text className='transfer__by'>
              {h.by} · {beijingDateTimeText(h.at)}
            </Text>
          </View>
        ))}
      </Section>
      <View className='transfer__bottom' />
    </View>
  )
}
