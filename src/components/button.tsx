/**
 * A plain button for the main package. NutUI's Button brings ~35 KB of JS and CSS (icons, animations) into the
 * main package, which must stay within 1.3× of a bare Taro page; sub-package pages use NutUI freely.
 */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './button.scss'

export interface ButtonProps {
  children: ReactNode
  onClick?: () => void
  type?: 'primary' | 'default' | 'plain'
  size?: 'normal' | 'large'
  block?: boolean
  loading?: boolean
  disabled?: boolean
  className?: string
}

export function Button({ children, onClick, type = 'default', size = 'normal', block, loading, disabled, className = '', ...rest }: ButtonProps) {
  const off = disabled || loading
  return (
    <View
      className={`btn btn--${type} btn--${size} ${block ? 'btn--block' : ''} ${off ? 'btn--off' : ''} ${className}`}
      hoverClass={off ? 'none' : 'btn--hover'}
      onClick={() => {
        if (!off && onClick) onClick()
      }}
      {...rest}
    >
      {loading ? <View className='btn__spinner' /> : null}
      <Text>{children}</Text>
    </View>
  )
}
