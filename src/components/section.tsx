import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './section.scss'

/** A titled white card. */
export function Section({ title, extra, children }: { title?: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <View className='section'>
      {title ? (
        <View className='section__head'>
          <Text className='section__title'>{title}</Text>
          {extra}
        </View>
      ) : null}
      {children}
    </View>
  )
}
