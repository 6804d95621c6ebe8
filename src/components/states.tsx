/** Loading, empty and error states shared by every screen. */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from './button'
import './states.scss'

export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='state state--loading'>
      <View className='state__spinner' />
      <Text className='state__text'>{text}</Text>
    </View>
  )
}

export function EmptyState({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <View className='state state--empty'>
      <View className='state__icon'>○</View>
      <Text className='state__title'>{title}</Text>
      {hint ? <Text className='state__text'>{hint}</Text> : null}
      {children}
    </View>
  )
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='state state--error'>
      <View className='state__icon state__icon--error'>!</View>
      <Text className='state__title'>加载失败</Text>
      <Text className='state__text'>{message}</Text>
      {onRetry ? (
        <Button type='plain' size='large' className='state__action' onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  )
}
