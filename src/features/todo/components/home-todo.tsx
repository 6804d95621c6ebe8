/**
 * 待办 on the home tab: what the caller should do next, counted and most urgent first (home.todo words and orders
 * it; see types/actions/home.ts). In the main package, which is at its size budget (1.3× a bare page): no store, no
 * rules, the home page's own card styles plus two rules — lines as the cloud sends them, each opening its page;
 * reloaded on every show (a report or a record changes them).
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Todo } from '../use-todo'
import { testId } from '../../../lib/test-id'
import './home-todo.scss'

const open = (page: string) => void (page.startsWith('/pages/') ? Taro.switchTab({ url: page }) : Taro.navigateTo({ url: page }))

/** The page reads home.todo once (useTodo) and hands it here and to 记录活动, which offers the sessions waiting. */
export function HomeTodo({ todo }: { todo: Todo | null }) {
  const [all, setAll] = useState(false)
  if (!todo) return null
  // Five lines first, so the block does not push everything else off the first screen.
  const more = !all && todo.items.length > 5
  return (
    <View className='home__card' {...testId('home-todo')}>
      <View className='home__card-main'>
        <Text className='home__card-title'>
          {todo.view === 'guide' ? '支部情况' : '待办'}
          {todo.total ? (
            <Text className='home__badge' {...testId('home-todo-count')}>
              {todo.total}
            </Text>
          ) : null}
        </Text>
        {todo.total ? null : <Text className='home__card-hint'>暂无需要处理的事项</Text>}
        {(more ? todo.items.slice(0, 5) : todo.items).map((i) => (
          <View key={i.key} className='todo' onClick={() => open(i.page)} {...testId('home-todo-item')}>
            <Text>{`${i.title} `}</Text>
            <Text className={`todo--${i.tone}`}>{i.due}</Text>
          </View>
        ))}
        {more ? (
          <Text className='todo home__more' onClick={() => setAll(true)} {...testId('home-todo-more')}>
            {`展开全部 ${todo.total} 项`}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
