/**
 * 待办's data for the home tab (home.todo): read when shown and on every later show (a report or a record changes
 * it). A hook rather than a store: the main package is at its size budget. Components never call the cloud
 * themselves (eslint.config.mjs).
 */
import { useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type Todo = ActionOutput<'home.todo'>

/** null until the first answer, and when it failed (the block then stays away); nothing is read until `enabled`. */
export function useTodo(branchId: string | null, enabled = true): Todo | null {
  const [todo, setTodo] = useState<Todo | null>(null)
  const shown = useRef(false)
  const load = () => {
    if (enabled) void callApi('home.todo', branchId ? { branchId } : {}).then(setTodo, () => setTodo(null))
  }
  useEffect(load, [branchId, enabled])
  useDidShow(() => (shown.current ? load() : (shown.current = true)))
  return todo
}
