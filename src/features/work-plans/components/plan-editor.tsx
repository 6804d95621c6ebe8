/** The importer's result, every field editable: header, warnings with their excerpts, sections and points. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Field, TextInput } from '../../../components/form'
import { DateField } from '../../../components/pickers'
import { dateText } from '../../../../types/time-text'
import { testId } from '../../../lib/test-id'
import { formatResponsible, parseResponsible, pointCount, type PlanPoint } from '../logic'
import { useDraftStore } from '../store'
import './work-plans.scss'

function PointEditor({ point }: { point: PlanPoint }) {
  const setPoint = useDraftStore((s) => s.setPoint)
  const [open, setOpen] = useState(false)
  const [responsible, setResponsible] = useState(formatResponsible(point.responsible))
  return (
    <View className='plan-point' {...testId('plan-point')}>
      <View className='plan-point__head' onClick={() => setOpen(!open)}>
        <Text className='plan-point__title'>
          {point.seq}. {point.title}
        </Text>
        <Text className='plan-point__toggle'>{open ? '收起' : '编辑'}</Text>
      </View>
      {!open ? (
        <View>
          {point.responsible.length ? <Text className='plan-point__meta'>责任人：{point.responsible.join('、')}</Text> : null}
          <Text className='plan-point__meta'>
            {point.forAllBranches ? '各支部都要落实' : '不要求各支部'}
            {point.timeHints.length ? ` · 时间：${point.timeHints.map((h) => h.phrase + (h.dueOn ? `（${dateText(h.dueOn)}）` : '')).join('、')}` : ''}
          </Text>
        </View>
      ) : (
        <View className='plan-point__edit'>
          <Field label='标题'>
            <TextInput value={point.title} maxlength={200} onChange={(title) => setPoint(point.seq, { title })} id={`point-title-${point.seq}`} />
          </Field>
          <Field label='正文'>
            <TextInput multiline maxlength={5000} value={point.body} onChange={(body) => setPoint(point.seq, { body })} id={`point-body-${point.seq}`} />
          </Field>
          <Field label='责任人' hint='多个用逗号或顿号分开'>
            <TextInput
              value={responsible}
              maxlength={500}
              onChange={(v) => {
                setResponsible(v)
                setPoint(point.seq, { responsible: parseResponsible(v) })
              }}
              id={`point-responsible-${point.seq}`}
            />
          </Field>
          <View className='plan-point__check' onClick={() => setPoint(point.seq, { forAllBranches: !point.forAllBranches })}>
            <Text className={`plan-point__box ${point.forAllBranches ? 'plan-point__box--on' : ''}`}>{point.forAllBranches ? '✓' : ''}</Text>
            <Text>各支部都要落实</Text>
          </View>
        </View>
      )}
    </View>
  )
}

export function PlanEditor() {
  const draft = useDraftStore((s) => s.draft)
  const setHeader = useDraftStore((s) => s.setHeader)
  const [year, setYear] = useState(draft ? String(draft.year) : '')
  if (!draft) return null
  return (
    <View {...testId('plan-preview')}>
      {draft.warnings.length ? (
        <View className='plan-warnings' {...testId('plan-warnings')}>
          <Text className='plan-warnings__head'>⚠ 有 {draft.warnings.length} 处需要核对</Text>
          {draft.warnings.map((w, i) => (
            <View key={i} className='plan-warnings__item' {...testId(`plan-warning-${w.code}`)}>
              <Text className='plan-warnings__message'>{w.message}</Text>
              {w.excerpt ? <Text className='plan-warnings__excerpt'>{w.excerpt}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}

      <View className='wp-card'>
        <Text className='wp-card__head'>基本信息</Text>
        <Field label='标题'>
          <TextInput value={draft.title} maxlength={200} onChange={(title) => setHeader({ title })} id='plan-title' />
        </Field>
        <Field label='文号'>
          <TextInput value={draft.docNumber ?? ''} onChange={(v) => setHeader({ docNumber: v.trim() ? v : null })} id='plan-doc-number' />
        </Field>
        <Field label='发文单位'>
          <TextInput value={draft.issuer ?? ''} maxlength={100} onChange={(v) => setHeader({ issuer: v.trim() ? v : null })} id='plan-issuer' />
        </Field>
        <Field label='发文日期'>
          <DateField value={draft.issuedOn ?? ''} onChange={(v) => setHeader({ issuedOn: v.trim() ? v.trim() : null })} id='plan-issued-on' />
        </Field>
        <Field label='年度'>
          <TextInput
            type='number'
            value={year}
            maxlength={4}
            onChange={(v) => {
              setYear(v)
              setHeader({ year: Number(v) })
            }}
            id='plan-year'
          />
        </Field>
      </View>

      <View className='wp-card__count' {...testId('plan-point-count')}>
        共 {draft.sections.length} 个部分，{pointCount(draft)} 条要点
      </View>
      {draft.sections.map((s) => (
        <View key={s.seq} className='wp-card' {...testId('plan-section')}>
          <Text className='wp-card__head'>{s.title}</Text>
          {s.points.map((p) => (
            <PointEditor key={p.seq} point={p} />
          ))}
        </View>
      ))}
    </View>
  )
}
