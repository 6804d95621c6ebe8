/**
 * One member's dues for a year: what they owe and why (category, base, rate), each month paid or not, and — for the
 * secretary or 组织委员 — the forms that set the base and record months paid.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { DUES_BASE_LABELS, DUES_CATEGORIES, DUES_CATEGORY_LABELS, DUES_CATEGORY_RULES, DUES_WAY_LABELS, type DuesCategory, type DuesWay } from '../../../../types/dues'
import { Button } from '../../../components/button'
import { Field, Segments, TextInput } from '../../../components/form'
import { MonthField } from '../../../components/pickers'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { todayInShanghai } from '../../../lib/time'
import { newClientRequestId } from '../../../lib/request-id'
import { correctDuesMonth, duesPreview, errorField, errorMessage, recordDuesMonths, saveDuesProfile, type MemberDues } from '../store'
import { correctionFormErrors, profileFormErrors, recordFormErrors, withoutError, type CorrectionField, type FieldErrors, type ProfileField, type RecordField } from '../validate'
import { dateText, DUES_BASE_HINTS, monthText, MONTH_STATE_LABELS, rateText, yuanText } from '../text'
import { PaymentFields } from './payment-fields'
import './dues.scss'

const hasBase = (c: DuesCategory) => c === 'employed' || c === 'retired'

export function DuesSummary({ dues }: { dues: MemberDues }) {
  const p = dues.profile
  const earlier = dues.earlier ? <EarlierNote earlier={dues.earlier} /> : null
  if (!p) {
    return (
      <Section title='党费标准'>
        <Text className='dues__note' {...testId('dues-unset')}>
          {dues.canManage ? '尚未设定该党员的类别和交纳基数，请在下方设定。' : '支部尚未核定你的党费标准，请联系支部书记或组织委员。'}
        </Text>
        {earlier}
      </Section>
    )
  }
  return (
    <Section title='党费标准'>
      <View className='dues__facts' {...testId('dues-profile')}>
        {p.category === null ? (
          // Category, base, rate and amount give the income back: only the member, the secretary and the 组织委员 see them.
          <Fact label='类别与金额' value='已隐去（仅本人、书记和组织委员可见）' />
        ) : (
          <>
            <Fact label='党员类别' value={p.categoryLabel ?? '—'} />
            {hasBase(p.category) ? <Fact label={DUES_BASE_LABELS[p.category] ?? '基数'} value={yuanText(p.base)} /> : null}
            <Fact label='交纳比例' value={p.rate ? rateText(p.rate) : '固定金额'} />
            <Fact label='每月应缴' value={yuanText(p.monthlyDue)} strong />
          </>
        )}
        <Fact label='起缴月份' value={monthText(p.owedFrom)} />
        <Fact label='核定日期' value={`${dateText(p.checkedOn)}${p.needsRecheck ? '（今年尚未重新核定）' : ''}`} warn={p.needsRecheck} />
      </View>
      {earlier}
      {dues.behind >= 3 ? (
        <Text className='dues__alert' {...testId('dues-behind')}>
          已连续 {dues.behind} 个月未交纳党费。按党章第九条，连续六个月不交纳党费又无正当理由的，视为自行脱党。
        </Text>
      ) : null}
    </Section>
  )
}

/** Arrived by a transfer: where from, the letter's 党费交至, and that months paid there show with that branch. */
function EarlierNote({ earlier }: { earlier: NonNullable<MemberDues['earlier']> }) {
  const from = earlier.branches.length ? `由「${earlier.branches[0]}」转入本支部` : earlier.paidToBy ? `由「${earlier.paidToBy}」转入本支部` : '转入本支部'
  return (
    <Text className='dues__note dues__note--earlier' {...testId('dues-earlier')}>
      {from}
      {earlier.paidTo ? `，介绍信注明党费交至 ${monthText(earlier.paidTo)}，此前的月份无需在本支部补交` : ''}
      {earlier.branches.length ? '；在原支部交纳的月份注明了记录的支部' : ''}。
    </Text>
  )
}

function Fact({ label, value, strong, warn }: { label: string; value: string; strong?: boolean; warn?: boolean }) {
  return (
    <View className='dues__fact'>
      <Text className='dues__fact-label'>{label}</Text>
      <Text className={`dues__fact-value ${strong ? 'dues__fact-value--strong' : ''} ${warn ? 'dues__fact-value--warn' : ''}`}>{value}</Text>
    </View>
  )
}

/** The amounts line of a month: 应缴 / 实缴, or why they are not shown. */
function amountsLine(dues: MemberDues, m: MemberDues['months'][number]): string {
  if (m.state === 'elsewhere' && m.paidOn === null) {
    const to = dues.earlier?.paidTo ? monthText(dues.earlier.paidTo) : null
    return `${to ? `介绍信注明党费交至 ${to}` : '按介绍信已交纳'}${m.branchName ? `（${m.branchName}开具）` : ''}`
  }
  if (m.due === null && m.paid === null) return m.elsewhere ? '金额由原支部记录' : dues.profile?.baseMasked ? '金额已隐去' : !dues.profile ? '应缴金额未核定（支部尚未设定党费标准）' : `应缴 ${yuanText(m.due)}`
  return `应缴 ${yuanText(m.due)}${m.paid !== null ? ` · 实缴 ${yuanText(m.paid)}` : ''}`
}

export function DuesMonths({ dues, onSaved }: { dues: MemberDues; onSaved?(d: MemberDues): void }) {
  const [correcting, setCorrecting] = useState<string | null>(null)
  // Months before a transfer brought the member here, settled by nothing on record, are the earlier branch's: not listed.
  const shown = dues.months.filter((m) => (m.state !== 'not_owed' && m.state !== 'not_here') || m.paid !== null || m.corrections.length > 0)
  // Across branches the month names the branch that recorded it (walk: months paid in the old branch vanished).
  const named = !!dues.earlier
  return (
    <Section title={`${dues.year}年交纳记录`}>
      {shown.length === 0 ? <Text className='dues__note'>这一年没有需要交纳的月份。</Text> : null}
      {shown.map((m) => (
        <View key={m.month} className='dues__month' {...testId(`dues-month-${m.month}`)}>
          <View className='dues__month-head'>
            <Text className='dues__month-name'>{monthText(m.month)}</Text>
            <Text className={`dues__state dues__state--${m.state}`}>{MONTH_STATE_LABELS[m.state]}</Text>
          </View>
          <Text className='dues__month-line'>{amountsLine(dues, m)}</Text>
          {m.paidOn ? (
            <Text className='dues__month-meta'>
              {dateText(m.paidOn)} {m.way ? DUES_WAY_LABELS[m.way] : ''} · {m.recordedBy} 记录{named && m.branchName ? `（${m.branchName}）` : ''}
            </Text>
          ) : null}
          {m.reason ? <Text className='dues__month-meta'>少缴原因：{m.reason}</Text> : null}
          {m.corrections.map((c, i) => (
            <Text key={i} className='dues__month-meta dues__month-meta--history' {...testId(`dues-correction-${m.month}-${i}`)}>
              {dateText(new Date(Date.parse(c.at) + 8 * 3600_000).toISOString().slice(0, 10))} {c.by}
              {c.kind === 'void' ? '作废了原记录' : '更正了记录'}
              {c.paidBefore !== null && c.kind === 'amend' && c.paidBefore !== c.paidAfter ? `（${yuanText(c.paidBefore)} → ${yuanText(c.paidAfter)}）` : ''}
              {c.kind === 'amend' && c.paidOnAfter && c.paidOnAfter !== c.paidOnBefore ? `（缴纳日期 ${dateText(c.paidOnBefore)} → ${dateText(c.paidOnAfter)}）` : ''}
              ：{c.reason}
            </Text>
          ))}
          {dues.canManage && onSaved && m.paidOn && !m.elsewhere ? (
            correcting === m.month ? (
              <DuesCorrectionForm dues={dues} month={m.month} onCancel={() => setCorrecting(null)} onSaved={(d) => { setCorrecting(null); onSaved(d) }} />
            ) : (
              <Text className='dues__link' onClick={() => setCorrecting(m.month)} {...testId(`dues-correct-${m.month}`)}>
                更正或作废这条记录
              </Text>
            )
          ) : null}
        </View>
      ))}
    </Section>
  )
}

/** The cloud's field names (details.field) as the forms' own. */
const PROFILE_FIELDS: Record<string, ProfileField> = { monthlyIncome: 'income', farmerAmount: 'farmer' }
const RECORD_FIELDS: Record<string, RecordField> = { months: 'months', amount: 'amount', reason: 'reason' }
const CORRECTION_FIELDS: Record<string, CorrectionField> = { amount: 'amount', shortReason: 'shortReason', reason: 'reason' }

/**
 * A form's errors: per field (shown under it, dropped when that field changes) and one for the rest (dropped when
 * anything changes). A refusal from the cloud lands on the field it names.
 */
function useFormErrors<F extends string>(fields: Record<string, F>) {
  const [errors, setErrors] = useState<FieldErrors<F>>({})
  const [general, setGeneral] = useState<string | null>(null)
  return {
    errors,
    general,
    /** The field changed: its error goes, and the general one (it was about the form as it was). */
    changed(field: F | null) {
      if (field) setErrors((e) => withoutError(e, field))
      setGeneral(null)
    },
    /** Validated on submit: true when nothing stops it. */
    check(next: FieldErrors<F>) {
      setErrors(next)
      setGeneral(null)
      return Object.keys(next).length === 0
    },
    refused(e: unknown) {
      const field = errorField(e)
      const mine = field ? fields[field] : undefined
      if (mine) setErrors((x) => ({ ...x, [mine]: errorMessage(e) }))
      else setGeneral(errorMessage(e))
    },
  }
}

/** Sets or re-checks a member's category and base; shows the amount the cloud's rule gives as the keeper types. */
export function DuesProfileForm({ dues, onSaved }: { dues: MemberDues; onSaved(d: MemberDues): void }) {
  const p = dues.profile
  const [category, setCategory] = useState<DuesCategory>(p?.category ?? 'employed')
  const [income, setIncome] = useState(p?.base !== null && p?.base !== undefined ? String(p.base) : '')
  const [farmer, setFarmer] = useState(p?.category === 'farmer' && p.monthlyDue !== null ? p.monthlyDue.toFixed(2) : '0.20')
  // Set once, when the ledger starts here: a secretary backfilling the year starts it in an earlier month.
  const [startMonth, setStartMonth] = useState(todayInShanghai().slice(0, 7))
  const [preview, setPreview] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useFormErrors<ProfileField>(PROFILE_FIELDS)
  const amount = Number(income)

  useEffect(() => {
    let live = true
    if (hasBase(category) && (income.trim() === '' || !Number.isFinite(amount))) {
      setPreview(null)
      return
    }
    const t = setTimeout(() => {
      duesPreview({ category, monthlyIncome: hasBase(category) ? amount : 0 })
        .then((q) => live && setPreview(category === 'farmer' ? `每月 ${yuanText(Number(farmer) || 0)}` : `每月 ${yuanText(q.amount)}${q.rate ? `（${rateText(q.rate)}）` : ''}`))
        .catch((e) => live && setPreview(errorMessage(e)))
    }, 300)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [category, income, farmer])

  const save = async () => {
    const baseLabel = hasBase(category) ? (DUES_BASE_LABELS[category] ?? '基数') : ''
    if (!form.check(profileFormErrors({ hasBase: hasBase(category), income, farmer: category === 'farmer', farmerAmount: farmer, baseLabel }))) return
    setBusy(true)
    try {
      const saved = await saveDuesProfile({
        memberId: dues.member.id,
        category,
        ...(hasBase(category) ? { monthlyIncome: amount } : {}),
        ...(category === 'farmer' ? { farmerAmount: Number(farmer) } : {}),
        ...(p ? {} : { startMonth: startMonth.trim() }),
      })
      onSaved(saved)
    } catch (e) {
      form.refused(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title={p ? '核定党费标准（每年核定一次）' : '设定党费标准'}>
      <Field label='党员类别' hint={DUES_CATEGORY_RULES[category]}>
        <View className='chips'>
          {DUES_CATEGORIES.map((c) => (
            <Text
              key={c}
              className={`chips__chip dues__chip ${c === category ? 'chips__chip--on' : ''}`}
              onClick={() => {
                setCategory(c)
                form.changed(null)
              }}
              {...testId(`dues-category-${c}`)}
            >
              {DUES_CATEGORY_LABELS[c]}
            </Text>
          ))}
        </View>
      </Field>
      {hasBase(category) ? (
        <Field label={`${DUES_BASE_LABELS[category]}（元）`} hint={DUES_BASE_HINTS[category]} error={form.errors.income} errorId='dues-income-error'>
          <TextInput
            id='dues-income'
            type='digit'
            value={income}
            onChange={(v) => {
              setIncome(v)
              form.changed('income')
            }}
            placeholder='例如 5400.00'
            maxlength={12}
          />
        </Field>
      ) : null}
      {category === 'farmer' ? (
        <Field label='每月金额（元，0.20–1.00）' error={form.errors.farmer} errorId='dues-farmer-error'>
          <TextInput
            id='dues-farmer'
            type='digit'
            value={farmer}
            onChange={(v) => {
              setFarmer(v)
              form.changed('farmer')
            }}
            maxlength={4}
          />
        </Field>
      ) : null}
      {p ? null : (
        <Field label='起缴月份' hint='台账从这个月开始计算；预备党员从支部大会通过之月起交纳'>
          <MonthField
            id='dues-start'
            value={startMonth}
            onChange={(v) => {
              setStartMonth(v)
              form.changed(null)
            }}
            end={nextMonth()}
          />
        </Field>
      )}
      {preview ? (
        <Text className='dues__preview' {...testId('dues-preview')}>
          按规定应缴：{preview}
        </Text>
      ) : null}
      {form.general ? <Text className='field__error' {...testId('dues-profile-error')}>{form.general}</Text> : null}
      <Button type='primary' block loading={busy} onClick={save} {...testId('dues-profile-save')}>
        {p ? '保存核定' : '保存'}
      </Button>
    </Section>
  )
}

const nextMonth = () => {
  const [y, m] = todayInShanghai().slice(0, 7).split('-').map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

type CorrectionKind = 'amend' | 'void'

/**
 * Corrects one recorded month: amend the amount, date or way, or void it (recorded by mistake). A reason is required
 * and kept under the month; one request id per correction, so a second tap cannot apply it twice.
 */
function DuesCorrectionForm({ dues, month, onCancel, onSaved }: { dues: MemberDues; month: string; onCancel(): void; onSaved(d: MemberDues): void }) {
  const m = dues.months.find((x) => x.month === month)!
  const [kind, setKind] = useState<CorrectionKind>('amend')
  const [amount, setAmount] = useState(m.paid !== null ? m.paid.toFixed(2) : '')
  const [paidOn, setPaidOn] = useState(m.paidOn ?? todayInShanghai())
  const [way, setWay] = useState<DuesWay>(m.way ?? 'transfer')
  const [reason, setReason] = useState('')
  // Corrected to less than due: why less was accepted is the month's 少缴原因, asked for on its own.
  const [shortReason, setShortReason] = useState(m.reason ?? '')
  const short = kind === 'amend' && m.due !== null && amount.trim() !== '' && Number(amount) < m.due
  // One request id per correction as sent: a retry of the same sends it again; a correction changed after a lost
  // answer is another request (the same id with other input is refused by the cloud, framework/writes.ts).
  const [intent, setIntent] = useState<{ key: string; id: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useFormErrors<CorrectionField>(CORRECTION_FIELDS)
  const save = async () => {
    if (!form.check(correctionFormErrors({ kind, amount: m.paid !== null ? amount : null, shortReason, reason, due: m.due }))) return
    setBusy(true)
    try {
      const changes =
        kind === 'void'
          ? {}
          : {
              ...(amount.trim() !== '' && Number(amount) !== m.paid ? { amount: Number(amount) } : {}),
              ...(paidOn !== m.paidOn ? { paidOn } : {}),
              ...(way !== m.way ? { way } : {}),
              ...(short && shortReason.trim() && shortReason !== m.reason ? { shortReason } : {}),
            }
      const input = { memberId: dues.member.id, month, kind, reason, ...changes }
      const key = JSON.stringify(input)
      const id = intent?.key === key ? intent.id : newClientRequestId()
      setIntent({ key, id })
      onSaved(await correctDuesMonth({ ...input, clientRequestId: id }))
    } catch (e) {
      form.refused(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='dues__correct' {...testId(`dues-correct-form-${month}`)}>
      <Segments<CorrectionKind>
        id='dues-correct-kind'
        value={kind}
        onChange={(k) => {
          setKind(k)
          form.changed(null)
        }}
        options={[{ value: 'amend', label: '更正' }, { value: 'void', label: '作废（误记）' }]}
      />
      {kind === 'amend' ? (
        <>
          <PaymentFields
            idPrefix='dues-correct'
            amount={m.paid !== null ? { label: '实缴（元）', error: form.errors.amount } : null}
            reason={{ id: 'dues-correct-short-reason', show: short, error: form.errors.shortReason, afterAmount: false }}
            values={{ amount, paidOn, way, reason: shortReason }}
            set={{ amount: setAmount, paidOn: setPaidOn, way: setWay, reason: setShortReason }}
            changed={(f) => form.changed(f === 'reason' ? 'shortReason' : f)}
          />
        </>
      ) : (
        <Text className='dues__note'>作废后该月恢复为未缴，原记录和原因保留在这里。</Text>
      )}
      <Field label={kind === 'void' ? '作废原因' : '更正原因'} error={form.errors.reason} errorId='dues-correct-reason-error'>
        <TextInput
          id='dues-correct-reason'
          value={reason}
          onChange={(v) => {
            setReason(v)
            form.changed('reason')
          }}
          maxlength={200}
          placeholder='例如：金额录入有误'
        />
      </Field>
      {form.general ? <Text className='field__error' {...testId('dues-correct-error')}>{form.general}</Text> : null}
      <View className='dues__actions'>
        <Button onClick={onCancel} disabled={busy}>
          取消
        </Button>
        <Button type='primary' loading={busy} onClick={save} {...testId('dues-correct-save')}>
          {kind === 'void' ? '作废' : '保存更正'}
        </Button>
      </View>
    </View>
  )
}

/** Records one or several months paid (ahead or behind), one entry per month. */
export function DuesRecordForm({ dues, onSaved }: { dues: MemberDues; onSaved(d: MemberDues): void }) {
  const open = dues.months.filter((m) => m.state === 'unpaid' || m.state === 'due' || m.state === 'upcoming')
  const [months, setMonths] = useState<string[]>(() => open.filter((m) => m.state !== 'upcoming').slice(-1).map((m) => m.month))
  const [amount, setAmount] = useState(dues.profile?.monthlyDue != null ? dues.profile.monthlyDue.toFixed(2) : '')
  const [paidOn, setPaidOn] = useState(todayInShanghai())
  const [way, setWay] = useState<DuesWay>('transfer')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const form = useFormErrors<RecordField>(RECORD_FIELDS)
  if (!dues.profile || dues.profile.monthlyDue === null) return null
  const due = dues.profile.monthlyDue
  const short = amount.trim() !== '' && Number(amount) < due
  const toggle = (m: string) => {
    setMonths((list) => (list.includes(m) ? list.filter((x) => x !== m) : [...list, m].sort()))
    form.changed('months')
  }

  const save = async () => {
    if (!form.check(recordFormErrors({ months, amount, reason, due }))) return
    setBusy(true)
    try {
      const saved = await recordDuesMonths({ memberId: dues.member.id, months, amount: Number(amount), paidOn, way, ...(short && reason.trim() ? { reason } : {}) })
      setMonths([])
      setReason('')
      onSaved(saved)
    } catch (e) {
      form.refused(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title='记录交纳'>
      {open.length === 0 ? <Text className='dues__note'>{dues.year}年没有待记录的月份。</Text> : null}
      {open.length ? (
        <>
          <Field label='交纳月份（可多选，预交或补交按月记录）' error={form.errors.months} errorId='dues-months-error'>
            <View className='chips'>
              {open.map((m) => (
                <Text key={m.month} className={`chips__chip dues__chip ${months.includes(m.month) ? 'chips__chip--on' : ''}`} onClick={() => toggle(m.month)} {...testId(`dues-pick-${m.month}`)}>
                  {months.includes(m.month) ? '✓ ' : ''}
                  {Number(m.month.slice(5))}月
                </Text>
              ))}
            </View>
          </Field>
          <PaymentFields
            idPrefix='dues'
            amount={{ label: `每月实缴（元，应缴 ${yuanText(due)}）`, hint: '可以多交；少交须写明原因', error: form.errors.amount }}
            reason={{ id: 'dues-reason', show: short || !!form.errors.reason, error: form.errors.reason, afterAmount: true }}
            values={{ amount, paidOn, way, reason }}
            set={{ amount: setAmount, paidOn: setPaidOn, way: setWay, reason: setReason }}
            changed={(f) => form.changed(f)}
          />
          {form.general ? <Text className='field__error' {...testId('dues-record-error')}>{form.general}</Text> : null}
          <Button type='primary' block loading={busy} onClick={save} {...testId('dues-record-save')}>
            {months.length ? `记录 ${months.length} 个月` : '请选择月份'}
          </Button>
        </>
      ) : null}
    </Section>
  )
}
