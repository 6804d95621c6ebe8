import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Field, Segments, TextInput } from '../../../../components/form'
import { DateField } from '../../../../components/pickers'
import { Section } from '../../../../components/section'
import { ErrorState, LoadingState } from '../../../../components/states'
import type { RecruitStep } from '../../../../features/recruitment/api'
import { readableDates, useMaterialUploads, useRecruitFile } from '../../../../features/recruitment/hooks'
import { FileInput } from '../../../../components/file-input'
import { dueText } from '../../../../features/recruitment/components/due-text'
import { StepForm } from '../../../../features/recruitment/components/step-form'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'
import { beijingDateTimeText, dateText } from '../../../../../types/time-text'
import '../recruitment.scss'

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
          {c.by} 于{beijingDateTimeText(c.at)}更正（原为 {dateText(c.before.on)}{c.before.note ? `：${c.before.note}` : ''}）：{c.reason}
        </Text>
      ))}
    </View>
  )
}

/** Corrects (date, note) or withdraws the file's latest entry, with why; the original stays in the history. */
function CorrectForm({ step, entry, busy, error, onSave, onCancel }: { step: RecruitStep; entry: RecruitStep['entries'][number]; busy: boolean; error: string | null; onSave(v: { action: 'amend' | 'withdraw'; on?: string; note?: string; reason: string }): void; onCancel(): void }) {
  const [action, setAction] = useState<'amend' | 'withdraw'>('amend')
  const [on, setOn] = useState(entry.on)
  const [note, setNote] = useState(entry.note ?? '')
  const [reason, setReason] = useState('')
  return (
    <View className='recruit-correct' {...testId(`correct-form-${step.code}`)}>
      <Segments<'amend' | 'withdraw'> options={[{ value: 'amend', label: '更正' }, { value: 'withdraw', label: '撤回' }]} value={action} onChange={setAction} id='correct-action' />
      {action === 'amend' ? (
        <>
          <Field label='日期'>
            <DateField value={on} onChange={setOn} id='correct-on' />
          </Field>
          <Field label='情况说明'>
            <TextInput value={note} onChange={setNote} multiline maxlength={1000} id='correct-note' />
          </Field>
        </>
      ) : null}
      <Field label={action === 'amend' ? '更正原因' : '撤回原因'} hint='原记录保留在档案历史中'>
        <TextInput value={reason} onChange={setReason} maxlength={200} placeholder='如：日期录入错误' id='correct-reason' />
      </Field>
      {error ? <Text className='recruit__error' {...testId('correct-error')}>{error}</Text> : null}
      <View className='recruit__row'>
        <Button type='primary' loading={busy} onClick={() => onSave(action === 'amend' ? { action, ...(on !== entry.on ? { on } : {}), ...(note.trim() !== (entry.note ?? '') ? { note: note.trim() } : {}), reason: reason.trim() } : { action, reason: reason.trim() })} {...testId('correct-save')}>
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
                {s.entries.map((e, i) => (
                  <EntryLine key={i} e={e} />
                ))}
                {mayRecord(s) && s.entries.at(-1)?.at === latestAt && detail.status !== 'stopped' && correcting !== s.code ? (
                  <Text className='recruit-step__record recruit-step__correct' onClick={() => setCorrecting(s.code)} {...testId(`correct-${s.code}`)}>
                    更正或撤回
                  </Text>
                ) : null}
                {correcting === s.code ? (
                  <CorrectForm
                    step={s}
                    entry={s.entries.at(-1)!}
                    busy={file.busy}
                    error={file.writeError}
                    onCancel={() => setCorrecting(null)}
                    onSave={(v) => void file.correct({ recruitId: detail.id, step: s.code, version: detail.version, ...v }).then((done) => done && setCorrecting(null))}
                  />
                ) : null}
              </View>
            )
          })}
        </Section>
      ))}
      <Section title='材料清单'>
        {detail.materials.map((m) => (
          <View key={m.key} className='recruit-material' {...testId(`material-${m.key}`)}>
            <Text className='recruit-material__title'>{m.done ? '✓ ' : '○ '}{m.title}</Text>
            <Text className='recruit-material__meta'>{m.hidden ? '个人材料' : m.files.length ? `附件 ${m.files.length} 个` : m.done ? (m.on ? dateText(m.on) : '已齐备') : '未齐备'}</Text>
            {keeper ? (
              <Text
                className='recruit-step__record'
                onClick={() =>
                  void file.setMaterial({ recruitId: detail.id, key: m.key, done: !m.done, files: m.files })
                }
                {...testId(`material-toggle-${m.key}`)}
              >
                {m.done ? '改为未齐备' : '标记齐备'}
              </Text>
            ) : null}
            {keeper && !m.hidden ? (
              <View className='recruit-material__files' {...testId(`material-files-${m.key}`)}>
                {upload.pending(detail.id, m.key).map((j) => (
                  <Text key={j.key} className={`recruit-step__by ${j.status === 'failed' ? 'recruit__error' : ''}`} onClick={() => (j.status === 'failed' ? upload.retry(j.key) : undefined)}>
                    {j.name}：{j.status === 'failed' ? `上传失败（${j.error ?? '请重试'}），点此重试` : '上传中…'}
                  </Text>
                ))}
                <FileInput remaining={9} onPicked={(files) => upload.add(detail.branchId, detail.id, m.key, files)} onRefused={setFileRefused} inputTestId={`material-input-${m.key}`} />
              </View>
            ) : null}
          </View>
        ))}
        {file.writeError && !correcting ? <Text className='recruit__error'>{file.writeError}</Text> : null}
        {fileRefused ? <Text className='recruit__error'>{fileRefused}</Text> : null}
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
