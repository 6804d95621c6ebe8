/** 下发: 全部支部 or chosen ones, points with editable due dates (prefilled from time hints). */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Segments, TextInput } from '../../../components/form'
import { DateField } from '../../../components/pickers'
import { testId } from '../../../lib/test-id'
import { useAssignStore } from '../assign-store'
import './work-plans.scss'

export function AssignForm() {
  const s = useAssignStore()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const onCount = s.rows.filter((r) => r.on).length
  return (
    <View {...testId('assign-form')}>
      <View className='wp-card'>
        <Text className='wp-card__head'>下发给</Text>
        <Segments
          options={[
            { value: 'all', label: '全部支部' },
            { value: 'some', label: '选择支部' },
          ]}
          value={s.mode}
          onChange={s.setMode}
          id='assign-mode'
        />
        {s.mode === 'some' ? (
          <View className='assign-branches'>
            <TextInput value={s.q} onChange={(q) => void s.search(q)} placeholder='搜索支部名称' id='assign-branch-search' />
            {s.chosen.length ? <Text className='assign-branches__chosen'>已选 {s.chosen.length} 个：{s.chosen.map((c) => c.name).join('、')}</Text> : null}
            {s.searching ? <Text className='assign-branches__hint'>正在搜索…</Text> : null}
            {s.found.map((b) => {
              const on = s.chosen.some((c) => c.id === b.id)
              return (
                <View key={b.id} className='assign-branches__row' onClick={() => s.toggleBranch(b)} {...testId('assign-branch')}>
                  <Text className={`plan-point__box ${on ? 'plan-point__box--on' : ''}`}>{on ? '✓' : ''}</Text>
                  <Text>{b.name}</Text>
                </View>
              )
            })}
            {!s.searching && !s.found.length ? <Text className='assign-branches__hint'>没有找到支部</Text> : null}
          </View>
        ) : null}
      </View>

      <View className='wp-card'>
        <View className='wp-card__line'>
          <Text className='wp-card__head'>
            要点（已选 {onCount}/{s.rows.length}）
          </Text>
          <Text className='wp-card__link' onClick={() => s.setAll(onCount < s.rows.length)}>
            {onCount < s.rows.length ? '全选' : '全不选'}
          </Text>
        </View>
        {s.rows.map((r) => (
          <View key={r.seq} className='assign-row' {...testId('assign-row')}>
            <View className='assign-row__main' onClick={() => s.setRow(r.seq, { on: !r.on })}>
              <Text className={`plan-point__box ${r.on ? 'plan-point__box--on' : ''}`}>{r.on ? '✓' : ''}</Text>
              <Text className='assign-row__title'>
                {r.seq}. {r.title}
              </Text>
            </View>
            {r.on ? (
              <View className='assign-row__due'>
                <Text className='assign-row__label'>截止日期</Text>
                <View className='assign-row__date'>
                  <DateField value={r.dueOn} onChange={(dueOn) => s.setRow(r.seq, { dueOn })} id={`assign-due-${r.seq}`} />
                </View>
              </View>
            ) : null}
          </View>
        ))}
      </View>

      <View className='wp-card'>
        {error ? <Text className='field__error' {...testId('assign-error')}>{error}</Text> : null}
        {s.result ? (
          <Text className='assign-result' {...testId('assign-result')}>
            已下发：新建 {s.result.created} 项任务，{s.result.unchanged} 项未变，涉及 {s.result.branches} 个支部
          </Text>
        ) : null}
        <Button
          type='primary'
          size='large'
          block
          loading={busy}
          onClick={async () => {
            setBusy(true)
            setError(null)
            try {
              await s.submit()
            } catch (e) {
              setError((e as Error).message)
            } finally {
              setBusy(false)
            }
          }}
          {...testId('assign-submit')}
        >
          下发
        </Button>
      </View>
    </View>
  )
}
