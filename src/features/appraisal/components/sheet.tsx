/**
 * One 民主评议党员 record's sheet: what the branch decided for each member. The secretary and the 组织委员 grade each
 * 正式 and 预备 member (优秀 / 合格 / 基本合格 / 不合格), note the 民主测评 votes and, for 不合格, the 处置; then 确定 the
 * results. Others read what they may: the 支委 and the committee every row, a member their own grade. No ranking,
 * no points: members are listed by name.
 */
import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  APPRAISAL_DISPOSAL_LABELS,
  APPRAISAL_DISPOSALS,
  APPRAISAL_GRADE_LABELS,
  APPRAISAL_GRADES,
  APPRAISAL_STATE_LABELS,
  type AppraisalDisposal,
  type AppraisalGrade,
} from '../../../../types/appraisal'
import { Button } from '../../../components/button'
import { TextInput } from '../../../components/form'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { formatDateTime } from '../../../lib/time'
import type { AppraisalRow, AppraisalSheet } from '../api'
import { useAppraisalSheet, type GradeCounts } from '../store'
import './appraisal.scss'

const VOTE_LABELS: Record<AppraisalGrade, string> = { excellent: '优秀', qualified: '合格', basic: '基本合格', unqualified: '不合格' }

export function SheetSummary({ sheet }: { sheet: AppraisalSheet }) {
  // While the keeper grades, the counts follow the choices on screen (SheetEditor), not the last save.
  const live = useAppraisalSheet((s) => (s.activityId === sheet.activity.id && sheet.canWrite ? s.liveCounts : null))
  const c = live ?? sheet.counts
  return (
    <Section title={`${sheet.year}年民主评议党员`} extra={<Text className={`appraisal__state appraisal__state--${sheet.state}`}>{APPRAISAL_STATE_LABELS[sheet.state]}</Text>}>
      <Text className='appraisal__note' {...testId('appraisal-rule')}>
        参加评议 {sheet.appraised} 人。评为优秀的不超过参加评议党员的 {sheet.share.numerator}/{sheet.share.denominator}，本次最多 {sheet.maxExcellent} 人。
      </Text>
      {c ? (
        <View className='appraisal__counts' {...testId('appraisal-counts')}>
          {APPRAISAL_GRADES.map((g) => (
            <View key={g} className='appraisal__count'>
              <Text className='appraisal__count-value'>{c[g]}</Text>
              <Text className='appraisal__count-label'>{APPRAISAL_GRADE_LABELS[g]}</Text>
            </View>
          ))}
          {c.ungraded ? (
            <View className='appraisal__count'>
              <Text className='appraisal__count-value'>{c.ungraded}</Text>
              <Text className='appraisal__count-label'>未评定</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {sheet.finalizedAt ? (
        <Text className='appraisal__meta'>
          {sheet.finalizedBy} 于 {formatDateTime(sheet.finalizedAt)} 确定
        </Text>
      ) : sheet.updatedAt ? (
        <Text className='appraisal__meta'>
          {sheet.updatedBy} 于 {formatDateTime(sheet.updatedAt)} 保存
        </Text>
      ) : null}
    </Section>
  )
}

const votesText = (v: AppraisalRow['votes']) => (v ? APPRAISAL_GRADES.map((g) => `${VOTE_LABELS[g]} ${v[g]}`).join(' · ') : null)

/** The results as read: every row for the 支委 and the committee, one's own for a member. */
export function SheetView({ sheet }: { sheet: AppraisalSheet }) {
  if (sheet.view === 'own' && sheet.rows.length === 0) {
    return (
      <Section title='我的评议结果'>
        <Text className='appraisal__note' {...testId('appraisal-own-empty')}>
          {sheet.state === 'final' ? '你不在本次参加评议的名单中。' : '支部尚未确定评议结果，确定后你会收到通知。'}
        </Text>
      </Section>
    )
  }
  return (
    <Section title={sheet.view === 'own' ? '我的评议结果' : '评议结果'}>
      {sheet.rows.map((r) => (
        <View key={r.memberId} className='appraisal__row' {...testId(`appraisal-row-${r.name}`)}>
          <View className='appraisal__row-head'>
            <Text className='appraisal__name'>
              {r.name}
              {r.partyStatus === 'probationary' ? <Text className='appraisal__tag'>预备党员</Text> : null}
            </Text>
            <Text className={`appraisal__grade ${r.grade ? `appraisal__grade--${r.grade}` : ''}`}>{r.grade ? APPRAISAL_GRADE_LABELS[r.grade] : '未评定'}</Text>
          </View>
          {votesText(r.votes) ? <Text className='appraisal__meta'>民主测评：{votesText(r.votes)}</Text> : null}
          {r.disposal ? (
            <Text className='appraisal__meta'>
              处置：{APPRAISAL_DISPOSAL_LABELS[r.disposal.kind]}，{r.disposal.note}
            </Text>
          ) : null}
        </View>
      ))}
    </Section>
  )
}

interface Draft {
  grade: AppraisalGrade | null
  votes: Record<AppraisalGrade, string>
  disposalKind: AppraisalDisposal
  note: string
}

const draftOf = (r: AppraisalRow): Draft => ({
  grade: r.grade,
  votes: {
    excellent: r.votes ? String(r.votes.excellent) : '',
    qualified: r.votes ? String(r.votes.qualified) : '',
    basic: r.votes ? String(r.votes.basic) : '',
    unqualified: r.votes ? String(r.votes.unqualified) : '',
  },
  disposalKind: r.disposal?.kind ?? 'correct',
  note: r.disposal?.note ?? '',
})

const count = (s: string) => (s.trim() === '' ? 0 : Number(s))

/** The grades chosen, counted as the cloud counts them (rules.ts gradeCounts). */
export function countGrades(grades: (AppraisalGrade | null)[]): GradeCounts {
  const c: GradeCounts = { excellent: 0, qualified: 0, basic: 0, unqualified: 0, ungraded: 0 }
  for (const g of grades) c[g ?? 'ungraded'] += 1
  return c
}

/** The keeper's form: a grade per member, the votes, the 处置 of a 不合格; 保存 as often as needed, then 确定. */
export function SheetEditor({ sheet }: { sheet: AppraisalSheet }) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(sheet.rows.map((r) => [r.memberId, draftOf(r)])))
  const busy = useAppraisalSheet((s) => s.busy)
  const error = useAppraisalSheet((s) => s.saveError)
  const saved = useAppraisalSheet((s) => s.saved)
  const store = useAppraisalSheet.getState
  const [asking, setAsking] = useState(false)
  const excellent = useMemo(() => Object.values(drafts).filter((d) => d.grade === 'excellent').length, [drafts])
  const ungraded = Object.values(drafts).filter((d) => d.grade === null).length
  const grades = sheet.rows.map((r) => drafts[r.memberId]?.grade ?? null)
  const gradesKey = grades.join(',')
  useEffect(() => {
    store().setLiveCounts(countGrades(grades))
  }, [gradesKey])
  useEffect(() => () => store().setLiveCounts(null), [])

  const edit = (memberId: string, patch: Partial<Draft>) => {
    store().touched()
    setAsking(false)
    setDrafts((all) => ({ ...all, [memberId]: { ...all[memberId], ...patch } }))
  }

  const rowsToSend = () =>
    sheet.rows.map((r) => {
      const d = drafts[r.memberId]
      const typed = APPRAISAL_GRADES.some((g) => d.votes[g].trim() !== '')
      return {
        memberId: r.memberId,
        grade: d.grade,
        votes: typed ? { excellent: count(d.votes.excellent), qualified: count(d.votes.qualified), basic: count(d.votes.basic), unqualified: count(d.votes.unqualified) } : null,
        disposal: d.grade === 'unqualified' ? { kind: d.disposalKind, note: d.note } : null,
      }
    })

  const save = () => void store().save(rowsToSend())
  const finalize = async () => {
    if (!(await store().finalize(rowsToSend()))) setAsking(false)
  }

  if (sheet.rows.length === 0) {
    return (
      <Section title='评定等次'>
        <Text className='appraisal__note'>本支部花名册上还没有正式党员或预备党员。</Text>
      </Section>
    )
  }
  return (
    <Section title='评定等次'>
      <Text className={`appraisal__note ${excellent > sheet.maxExcellent ? 'appraisal__note--over' : ''}`} {...testId('appraisal-excellent-used')}>
        已评优秀 {excellent} 人，最多 {sheet.maxExcellent} 人{ungraded ? `；还有 ${ungraded} 人未评定` : ''}
      </Text>
      {sheet.rows.map((r) => {
        const d = drafts[r.memberId]
        return (
          <View key={r.memberId} className='appraisal__row' {...testId(`appraisal-edit-${r.name}`)}>
            <Text className='appraisal__name'>
              {r.name}
              {r.partyStatus === 'probationary' ? <Text className='appraisal__tag'>预备党员</Text> : null}
            </Text>
            <View className='appraisal__grades'>
              {APPRAISAL_GRADES.map((g) => (
                <Text
                  key={g}
                  className={`appraisal__choice ${d.grade === g ? 'appraisal__choice--on' : ''}`}
                  onClick={() => edit(r.memberId, { grade: d.grade === g ? null : g })}
                  {...testId(`grade-${r.name}-${g}`)}
                >
                  {APPRAISAL_GRADE_LABELS[g]}
                </Text>
              ))}
            </View>
            <Text className='appraisal__label'>民主测评票数</Text>
            <View className='appraisal__votes'>
              {APPRAISAL_GRADES.map((g) => (
                <View key={g} className='appraisal__vote'>
                  <Text className='appraisal__vote-label'>{VOTE_LABELS[g]}</Text>
                  <TextInput type='number' maxlength={4} value={d.votes[g]} onChange={(v) => edit(r.memberId, { votes: { ...d.votes, [g]: v.replace(/\D/g, '') } })} placeholder='0' id={`votes-${r.name}-${g}`} />
                </View>
              ))}
            </View>
            {d.grade === 'unqualified' ? (
              <View className='appraisal__disposal'>
                <Text className='appraisal__label'>处置（评为不合格须填写）</Text>
                <View className='appraisal__grades'>
                  {APPRAISAL_DISPOSALS.map((k) => (
                    <Text key={k} className={`appraisal__choice ${d.disposalKind === k ? 'appraisal__choice--on' : ''}`} onClick={() => edit(r.memberId, { disposalKind: k })} {...testId(`disposal-${r.name}-${k}`)}>
                      {APPRAISAL_DISPOSAL_LABELS[k]}
                    </Text>
                  ))}
                </View>
                <TextInput value={d.note} onChange={(v) => edit(r.memberId, { note: v })} maxlength={200} placeholder='处置说明，如改正期限、谈话情况' id={`disposal-note-${r.name}`} />
              </View>
            ) : null}
          </View>
        )
      })}
      {error ? (
        <Text className='appraisal__error' {...testId('appraisal-error')}>
          {error}
        </Text>
      ) : null}
      {saved && !error ? (
        <Text className='appraisal__ok' {...testId('appraisal-saved')}>
          已保存
        </Text>
      ) : null}
      <View className='appraisal__actions'>
        <Button type='primary' size='large' block loading={busy === 'save'} disabled={!!busy} onClick={save} {...testId('appraisal-save')}>
          保存
        </Button>
        {asking ? (
          <View className='appraisal__confirm' {...testId('appraisal-finalize-confirm-box')}>
            <Text className='appraisal__note'>确定后不能再修改（党委退回修改时可重新评定），每名党员会收到自己的评议结果。</Text>
            <View className='appraisal__confirm-actions'>
              <Button size='large' disabled={!!busy} onClick={() => setAsking(false)} {...testId('appraisal-finalize-cancel')}>
                取消
              </Button>
              <Button type='primary' size='large' loading={busy === 'finalize'} disabled={!!busy} onClick={() => void finalize()} {...testId('appraisal-finalize-confirm')}>
                确定
              </Button>
            </View>
          </View>
        ) : (
          <Button type='plain' size='large' block disabled={!!busy} onClick={() => setAsking(true)} {...testId('appraisal-finalize')}>
            确定评议结果
          </Button>
        )}
      </View>
    </Section>
  )
}
