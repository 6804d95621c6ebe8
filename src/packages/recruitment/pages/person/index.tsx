import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Chips, Field, Segments, TextInput } from '../../../../components/form'
import { DateField } from '../../../../components/pickers'
import { Section } from '../../../../components/section'
import { ErrorState, LoadingState } from '../../../../components/states'
import type { RecruitStep } from '../../../../features/recruitment/api'
import { loadFullMembers, readableDates, useMaterialUploads, useRecruitFile } from '../../../../features/recruitment/hooks'
import { dueText } from '../../../../features/recruitment/components/due-text'
import { MaterialRow } from '../../../../features/recruitment/components/material-row'
import { StepForm } from '../../../../features/recruitment/components/step-form'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'
import { beijingDateTimeText, dateText } from '../../../../../types/time-text'
import '../recruitment.scss'

/** Steps that changed the roster (编入, 转正审批): corrected on the roster, not here (recruitment.correct refuses them). */
const ROSTER_STEPS: readonly string[] = ['enrol', 'confirm_approval']
const OUTCOMES = { confirm: '按期转正', extend: '延长预备期', cancel: '取消预备党员资格' } as const

function EntryLine({ e }: { e: RecruitStep['entries'][number] }) {
  const parts = [dateText(e.on)]
  if (e.from && e.to) parts.push(`${dateText(e.from)}至${dateText(e.to)}`)
  if (e.hours !== null) parts.push(`${e.hours} 学时`)
  if (e.people.length) parts.push(e.people.map((p) => p.name).join('、'))
  if (e.votes) parts.push(`赞成 ${e.votes.for} · 反对 ${e.votes.against} · 弃权 ${e.votes.abstain}`)
  if (e.approved !== null) parts.push(e.approved ? '批准' : '不批准')
  if (e.outcome) parts.push(`${OUTCOMES[e.outcome]}${e.extensionMonths ? ` ${e.extensionMonths} 个月` : ''}`)
  if (e.talker) parts.push(`谈话人 ${e.talker}`)
  if (e.result) parts.push(`政审结论：${e.result}`)
  if (e.hidden) parts.push('（个人材料，仅书记、组织委员和党委可见）')
  return (
    <View className='recruit-step__entry'>
      <Text>{parts.join(' · ')}</Text>
      {e.note ? <Text className='recruit-step__note'>{e.note}</Text> : null}
      {e.reason ? <Text className='recruit-step__note'>原因：{e.reason}</Text> : null}
      {e.exception ? <Text className='recruit-step__exception'>例外（{e.exception.rule}）：{e.exception.reason}</Text> : null}
      <Text className='recruit-step__by'>{e.by} 记录</Text>
      {e.corrections.map((c, i) => (
        <Text key={i} className='recruit-step__by'>
          {c.by} 于{beijingDateTimeText(c.at)}更正（原为 {dateText(c.before.on)}{c.before.note ? `：${c.before.note}` : ''}{c.changes.length ? `；${c.changes.join('；')}` : ''}）：{c.reason}
        </Text>
      ))}
    </View>
  )
}

/** What a correction may send: the date, the note and the step's own recorded fields (recruitment.correct). */
type Amend = { action: 'amend' | 'withdraw'; on?: string; note?: string; talker?: string; people?: string[]; result?: string; from?: string; to?: string; hours?: number; reason: string }

/**
 * Corrects an entry — its date, note and the fields the step records (谈话人, 培养联系人, 入党介绍人, 政审结论, 起止日期,
 * 学时: a mistyped 谈话人 could only be withdrawn before, users' walk) — or withdraws the file's latest entry, with why;
 * the original stays in the history. Only what changed is sent; the cloud checks it as the step form's record.
 */
function CorrectForm({ detail, step, entry, mayWithdraw, busy, error, onSave, onCancel }: { detail: { branchId: string }; step: RecruitStep; entry: RecruitStep['entries'][number]; mayWithdraw: boolean; busy: boolean; error: string | null; onSave(v: Amend): void; onCancel(): void }) {
  const has = (f: string) => step.fields.includes(f)
  const [action, setAction] = useState<'amend' | 'withdraw'>('amend')
  const [on, setOn] = useState(entry.on)
  const [note, setNote] = useState(entry.note ?? '')
  const [talker, setTalker] = useState(entry.talker ?? '')
  const [people, setPeople] = useState<string[]>(entry.people.map((p) => p.id))
  const [result, setResult] = useState(entry.result ?? '')
  const [from, setFrom] = useState(entry.from ?? '')
  const [to, setTo] = useState(entry.to ?? '')
  const [hours, setHours] = useState(entry.hours === null ? '' : String(entry.hours))
  const [reason, setReason] = useState('')
  const [roster, setRoster] = useState<{ id: string; name: string }[]>([])
  const choosesPeople = has('contacts') || has('introducers')
  useEffect(() => {
    if (choosesPeople) loadFullMembers(detail.branchId).then(setRoster, () => setRoster([]))
  }, [step.code])
  // Someone recorded before who is no longer a 正式党员 of the branch stays chosen (by name) until changed.
  const options = [...roster, ...entry.people.filter((p) => !roster.some((r) => r.id === p.id))]
  const changed = (): Amend => ({
    action: 'amend',
    ...(on !== entry.on ? { on } : {}),
    ...(note.trim() !== (entry.note ?? '') ? { note: note.trim() } : {}),
    ...(has('talker') && talker.trim() && talker.trim() !== (entry.talker ?? '') ? { talker: talker.trim() } : {}),
    ...(choosesPeople && people.join() !== entry.people.map((p) => p.id).join() ? { people } : {}),
    ...(has('result') && result.trim() && result.trim() !== (entry.result ?? '') ? { result: result.trim() } : {}),
    ...(has('period') && from && from !== entry.from ? { from } : {}),
    ...(has('period') && to && to !== entry.to ? { to } : {}),
    ...(has('hours') && hours.trim() !== '' && Number(hours) !== entry.hours ? { hours: Number(hours) } : {}),
    reason: reason.trim(),
  })
  return (
    <View className='recruit-correct' {...testId(`correct-form-${step.code}`)}>
      {mayWithdraw ? <Segments<'amend' | 'withdraw'> options={[{ value: 'amend', label: '更正' }, { value: 'withdraw', label: '撤回' }]} value={action} onChange={setAction} id='correct-action' /> : null}
      {!mayWithdraw ? <Text className='recruit-correct__hint'>更正较早步骤的日期时，后面各步骤的时限仍须符合规定（如确定发展对象须在确定为入党积极分子一年以后）。</Text> : null}
      {action === 'amend' ? (
        <>
          <Field label='日期'>
            <DateField value={on} onChange={setOn} id='correct-on' />
          </Field>
          {choosesPeople ? (
            <Field label={has('contacts') ? '培养联系人（一至二名正式党员）' : '入党介绍人（两名正式党员）'}>
              <Chips options={options.map((m) => m.name)} value={options.filter((m) => people.includes(m.id)).map((m) => m.name)} onChange={(names) => setPeople(options.filter((m) => names.includes(m.name)).map((m) => m.id))} id='correct-people' />
            </Field>
          ) : null}
          {has('talker') ? (
            <Field label='谈话人'>
              <TextInput value={talker} onChange={setTalker} maxlength={40} placeholder='姓名' id='correct-talker' />
            </Field>
          ) : null}
          {has('result') ? (
            <Field label='政审结论' hint='个人材料：仅支部书记、组织委员和党委可见'>
              <TextInput value={result} onChange={setResult} multiline maxlength={500} id='correct-result' />
            </Field>
          ) : null}
          {has('period') ? (
            <Field label={step.code === 'training' ? '培训起止日期' : '公示起止日期'}>
              <View className='recruit__row'>
                <DateField value={from} onChange={setFrom} id='correct-from' placeholder='开始' />
                <DateField value={to} onChange={setTo} id='correct-to' placeholder='结束' />
              </View>
            </Field>
          ) : null}
          {has('hours') ? (
            <Field label='学时'>
              <TextInput value={hours} onChange={setHours} type='digit' id='correct-hours' />
            </Field>
          ) : null}
          <Field label='情况说明'>
            <TextInput value={note} onChange={setNote} multiline maxlength={1000} id='correct-note' />
          </Field>
        </>
      ) : null}
      <Field label={action === 'amend' ? '更正原因' : '撤回原因'} hint='原记录保留在档案历史中'>
        <TextInput value={reason} onChange={setReason} maxlength={200} placeholder='如：谈话人姓名录入错误' id='correct-reason' />
      </Field>
      {error ? <Text className='recruit__error' {...testId('correct-error')}>{error}</Text> : null}
      <View className='recruit__row'>
        <Button type='primary' loading={busy} onClick={() => onSave(action === 'amend' ? changed() : { action, reason: reason.trim() })} {...testId('correct-save')}>
          保存
        </Button>
        <Button type='plain' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}

/** A person's file: where they are in the 25 steps, what is due, each step as recorded, materials and history. */
export default function RecruitPersonPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const status = useSessionBootstrap()
  const committee = useSessionStore(selectIsCommitteeAdmin)
  const file = useRecruitFile(id, status === 'ready')
  const { detail, setDetail, error, load } = file
  const upload = useMaterialUploads(file)
  const [fileRefused, setFileRefused] = useState<string | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const [correcting, setCorrecting] = useState<string | null>(null)

  if (!id) return <ErrorState message='缺少档案编号' />
  if (error && !detail) return <ErrorState message={error} onRetry={load} />
  if (!detail) return <LoadingState />
  const keeper = !detail.personalHidden
  const steps = detail.stages.flatMap((s) => s.steps)
  const openStep = steps.find((s) => s.code === open)
  // The file's latest entry is the one a keeper may correct or withdraw (later steps rest on earlier ones).
  const latestAt = steps.flatMap((s) => s.entries.map((e) => e.at)).sort().at(-1)
  // The 上级党委's decisions (13, 17, 24) are the committee's: the branch is not offered them.
  const mayRecord = (s: RecruitStep) => keeper && (committee || !s.superiorDecision)

  return (
    <View className='recruit'>
      <View className='recruit__card' {...testId('recruit-head')}>
        <View className='recruit__item-head'>
          <Text className='recruit__title'>{detail.name}</Text>
          <Text className={`recruit__badge recruit__badge--${detail.status}`}>{detail.statusLabel}</Text>
        </View>
        <Text className='recruit__meta'>{detail.imported ? `入党日期 ${dateText(detail.appliedOn)}（按花名册补录）` : `递交入党申请书 ${dateText(detail.appliedOn)}`}</Text>
        {detail.probationEndsOn ? <Text className='recruit__meta'>预备期至 {dateText(detail.probationEndsOn)}</Text> : null}
        {detail.contacts.length ? <Text className='recruit__meta'>培养联系人：{detail.contacts.map((p) => p.name).join('、')}</Text> : null}
        {detail.introducers.length ? <Text className='recruit__meta'>入党介绍人：{detail.introducers.map((p) => p.name).join('、')}</Text> : null}
        {detail.dueItems.map((d) => {
          const t = dueText(d.daysLeft)
          return (
            <Text key={d.step} className={`recruit__due recruit__due--${t.tone}`} {...testId(`recruit-due-${d.step}`)}>
              {d.title}：{dateText(d.dueOn)}前 · {t.text}
            </Text>
          )
        })}
        {!keeper ? <Text className='recruit__meta'>政审等个人材料仅支部书记、组织委员和党委可见；你的查看已记入操作记录。</Text> : null}
      </View>
      {openStep ? (
        <Section title='记录步骤'>
          <StepForm
            detail={detail}
            step={openStep}
            committee={committee}
            onSaved={(d) => {
              setDetail(d)
              setOpen(null)
            }}
            onCancel={() => setOpen(null)}
          />
        </Section>
      ) : null}
      {detail.imported ? (
        <View className='recruit__card'>
          <Text className='recruit__meta'>按花名册补录：入党前的程序（第1–20步）不在本工作台记录，从支部大会通过之日（入党日期）起计算预备期。</Text>
        </View>
      ) : null}
      {detail.stages.filter((stage) => !detail.imported || stage.code === 'probation').map((stage) => (
        <Section key={stage.code} title={stage.title}>
          {stage.steps.map((s) => {
            const done = s.entries.length > 0
            const next = detail.nextStep?.code === s.code
            return (
              <View key={s.code} className={`recruit-step ${done ? 'recruit-step--done' : ''} ${next ? 'recruit-step--next' : ''}`} {...testId(`step-${s.code}`)}>
                <View className='recruit-step__head'>
                  <Text className='recruit-step__n'>{done ? '✓' : s.n}</Text>
                  <Text className='recruit-step__title'>{s.title}</Text>
                  {mayRecord(s) && (!done || s.repeatable || s.code === 'confirm_apply' || s.code === 'confirm_congress') && detail.status !== 'stopped' ? (
                    <Text className='recruit-step__record' onClick={() => setOpen(s.code)} {...testId(`record-${s.code}`)}>
                      {done ? '再记录' : '记录'}
                    </Text>
                  ) : null}
                </View>
                {next && !done ? <Text className='recruit-step__rule'>下一步 · {s.actor}{s.ruleText ? ` · ${s.ruleText}` : ''}</Text> : null}
                {s.entries.map((e, i) => {
                  const key = `${s.code}#${i}`
                  // Any entry's date or note may be corrected (the cloud checks every later step's rule); only the
                  // file's latest entry may be withdrawn. Steps that changed the roster are corrected there.
                  const latest = i === s.entries.length - 1 && e.at === latestAt
                  // Step 1 is where the file starts: corrected, never withdrawn.
                  const mayWithdraw = latest && s.code !== 'apply'
                  return (
                    <View key={i}>
                      <EntryLine e={e} />
                      {mayRecord(s) && !ROSTER_STEPS.includes(s.code) && detail.status !== 'stopped' && correcting !== key ? (
                        <Text className='recruit-step__record recruit-step__correct' onClick={() => setCorrecting(key)} {...testId(latest ? `correct-${s.code}` : `correct-${s.code}-${i}`)}>
                          {mayWithdraw ? '更正或撤回' : '更正'}
                        </Text>
                      ) : null}
                      {correcting === key ? (
                        <CorrectForm
                          detail={detail}
                          step={s}
                          entry={e}
                          mayWithdraw={mayWithdraw}
                          busy={file.busy}
                          error={file.writeError}
                          onCancel={() => setCorrecting(null)}
                          onSave={(v) => void file.correct({ recruitId: detail.id, step: s.code, index: i, version: detail.version, ...v }).then((done) => done && setCorrecting(null))}
                        />
                      ) : null}
                    </View>
                  )
                })}
              </View>
            )
          })}
        </Section>
      ))}
      <Section title='材料清单'>
        {detail.materials.map((m) => (
          <MaterialRow key={m.key} m={m} detail={detail} keeper={keeper} file={file} upload={upload} onRefused={setFileRefused} />
        ))}
        {file.writeError && !correcting ? <Text className='recruit__error' {...testId('material-error')}>{file.writeError}</Text> : null}
        {fileRefused ? <Text className='recruit__error' {...testId('material-refused')}>{fileRefused}</Text> : null}
      </Section>
      <Section title='档案历史'>
        {[...detail.history].reverse().map((h, i) => (
          <View key={i} className='recruit-history'>
            <Text>{readableDates(h.what)}</Text>
            <Text className='recruit-step__by'>
              {beijingDateTimeText(h.at)} · {h.by}
            </Text>
            {h.exception ? <Text className='recruit-step__exception'>例外（{h.exception.rule}）：{h.exception.reason}</Text> : null}
          </View>
        ))}
      </Section>
      <View className='recruit__bottom' />
    </View>
  )
}
