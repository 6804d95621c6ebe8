/**
 * 待办 on the home tab: what the caller should do next, counted and most urgent first (home.todo words and orders
 * it; see types/actions-home.ts). In the main package, so no store and no rules here: lines as the cloud sends them,
 * each opening its page. Reloaded on every show, since the lines change when a point is reported or a session recorded.
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ActionOutput } from '../../../../types/actions'
import { callApi } from '../../../services/api'
import { testId } from '../../../lib/test-id'
import './home-todo.scss'

type Todo = ActionOutput<'home.todo'>
const TABS = ['/pages/work-points/index', '/pages/activities/index']
/** Lines shown before 展开全部 (the block must not push everything else off the first screen). */
const FIRST = 5

const open = (page: string) => void (TABS.includes(page) ? Taro.switchTab({ url: page }) : Taro.navigateTo({ url: page }))

const HEADINGS: Record<Todo['view'], string> = { committee: '待办', writer: '待办', member: '待办', guide: '支部情况' }
const EMPTY: Record<Todo['view'], string> = {
  committee: '各支部暂无逾期或 7 天内到期的要点',
  writer: '暂无待办：没有逾期、临期的要点或待记录的活动',
  member: '今天没有需要签到的活动',
  guide: '支部暂无逾期要点或待记录的活动',
}

export function HomeTodo({ branchId }: { branchId: string | null }) {
  const [todo, setTodo] = useState<Todo | null>(null)
  const [all, setAll] = useState(false)
  const shown = useRef(false)
  const load = () => {
    callApi('home.todo', branchId ? { branchId } : {}).then(setTodo, () => setTodo(null))
  }
  useEffect(load, [branchId])
  useDidShow(() => (shown.current ? load() : (shown.current = true)))
  if (!todo) return null
  const items = all ? todo.items : todo.items.slice(0, FIRST)
  return (
    <View className='todo' {...testId('home-todo')}>
      <View className='todo__head'>
        <Text className='todo__title'>{HEADINGS[todo.view]}</Text>
        {todo.total ? (
          <Text className='todo__count' {...testId('home-todo-count')}>
            {todo.total}
          </Text>
        ) : null}
      </View>
      {items.length === 0 ? <Text className='todo__empty'>{EMPTY[todo.view]}</Text> : null}
      {items.map((i) => (
        <View key={i.key} className='todo__row' onClick={() => open(i.page)} {...testId('home-todo-item')} data-kind={i.kind}>
          <Text className='todo__what'>{i.title}</Text>
          <Text className={`todo__due todo__due--${i.tone}`}>{i.due}</Text>
        </View>
      ))}
      {!all && todo.items.length > FIRST ? (
        <View className='todo__more' onClick={() => setAll(true)} {...testId('home-todo-more')}>
          <Text>展开全部 {todo.total} 项</Text>
        </View>
      ) : null}
      {todo.total > todo.items.length && all ? <Text className='todo__empty'>仅列出最紧急的 {todo.items.length} 项</Text> : null}
    </View>
  )
}
