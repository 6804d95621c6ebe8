/**
 * 待办 on the home tab: what the caller should do next, counted and most urgent first (home.todo words and orders
 * it; see types/actions-home.ts). In the main package, which is at its size budget: no store, no rules, few styles —
 * lines as the cloud sends them, each opening its page; reloaded on every show (a report or a record changes them).
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ActionOutput } from '../../../../types/actions'
import { callApi } from '../../../services/api'
import { testId } from '../../../lib/test-id'
import './home-todo.scss'

type Todo = ActionOutput<'home.todo'>
/** Lines shown before 展开全部, so the block does not push everything else off the first screen. */
const FIRST = 5

const open = (page: string) => void (page.startsWith('/pages/') ? Taro.switchTab({ url: page }) : Taro.navigateTo({ url: page }))

export function HomeTodo({ branchId }: { branchId: string | null }) {
  const [todo, setTodo] = useState<Todo | null>(null)
  const [all, setAll] = useState(false)
  const shown = useRef(false)
  const load = () => void callApi('home.todo', branchId ? { branchId } : {}).then(setTodo, () => setTodo(null))
  useEffect(load, [branchId])
  useDidShow(() => (shown.current ? load() : (shown.current = true)))
  if (!todo) return null
  return (
    <View className='todo' {...testId('home-todo')}>
      <Text className='todo__t'>{todo.view === 'guide' ? '支部情况' : '待办'}</Text>
      {todo.total ? (
        <Text className='home__badge' {...testId('home-todo-count')}>
          {todo.total}
        </Text>
      ) : (
        <Text className='todo__n'>暂无需要处理的事项</Text>
      )}
      {(all ? todo.items : todo.items.slice(0, FIRST)).map((i) => (
        <View key={i.key} className='todo__r' onClick={() => open(i.page)} {...testId('home-todo-item')}>
          <Text className='todo__w'>{i.title}</Text>
          <Text className={`todo__d todo__${i.tone}`}>{i.due}</Text>
        </View>
      ))}
      {!all && todo.items.length > FIRST ? (
        <Text className='todo__r todo__m' onClick={() => setAll(true)} {...testId('home-todo-more')}>
          {`展开全部 ${todo.total} 项`}
        </Text>
      ) : null}
    </View>
  )
}
