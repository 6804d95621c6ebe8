/**
 * Form pieces for the sub-package screens: a labelled field with its error, a text input with an H5 test hook,
 * chips for multi-select, and an inline two-step confirmation for destructive actions (works alike on weapp and H5).
 */
import { useState, type ReactNode } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { testId } from '../lib/test-id'
import { Button } from './button'
import './form.scss'

const nativeTestId = (id?: string) => (process.env.TARO_ENV === 'h5' && id ? { nativeProps: { 'data-testid': id } } : {})

export function Field({
  label,
  error,
  hint,
  children,
  errorId,
  anchor,
}: {
  label: string
  error?: string | null
  hint?: string
  children: ReactNode
  errorId?: string
  /** The field's element id, so a form can scroll to it (its first error after a refused save). */
  anchor?: string
}) {
  return (
    <View className='field' id={anchor}>
      <Text className='field__label'>{label}</Text>
      {children}
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      {error ? (
        <Text className='field__error' {...(errorId ? testId(errorId) : {})}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}

export interface TextInputProps {
  value: string
  onChange(value: string): void
  placeholder?: string
  maxlength?: number
  type?: 'text' | 'number' | 'digit'
  id?: string
  multiline?: boolean
  onConfirm?: () => void
  /**
   * A multiline field's bound, counted instead of enforced: the text is never cut (a pasted 会议记录 stays whole),
   * a counter shows N / limit and turns red past it, and the form refuses to save with the excess named.
   */
  limit?: number
}

export function TextInput({ value, onChange, placeholder, maxlength = 60, type = 'text', id, multiline, onConfirm, limit }: TextInputProps) {
  if (multiline) {
    // The box itself is the field (H5: form.scss makes the native textarea fill it and grow with its text).
    const area = (
      <Textarea
        className='field__input field__input--multi'
        value={value}
        maxlength={limit ? -1 : maxlength}
        placeholder={placeholder}
        autoHeight
        onInput={(e) => onChange(e.detail.value)}
        {...nativeTestId(id)}
      />
    )
    if (!limit) return area
    const over = value.length > limit
    return (
      <>
        {area}
        <Text className={`field__count ${over ? 'field__count--over' : ''}`} {...(id ? testId(`${id}-count`) : {})}>
          {`${over ? `超出 ${value.length - limit} 字 · ` : ''}${value.length} / ${limit}`}
        </Text>
      </>
    )
  }
  return (
    <Input
      className='field__input'
      value={value}
      type={type}
      maxlength={maxlength}
      placeholder={placeholder}
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={onConfirm}
      {...nativeTestId(id)}
    />
  )
}

/** Multi-select as tappable chips. */
export function Chips<T extends string>({ options, value, onChange, id }: { options: readonly T[]; value: T[]; onChange(v: T[]): void; id?: string }) {
  return (
    <View className='chips'>
      {options.map((o) => {
        const on = value.includes(o)
        return (
          <Text
            key={o}
            className={`chips__chip ${on ? 'chips__chip--on' : ''}`}
            onClick={() => onChange(on ? value.filter((v) => v !== o) : [...value, o])}
            {...(id ? testId(`${id}-${o}`) : {})}
          >
            {on ? '✓ ' : ''}
            {o}
          </Text>
        )
      })}
    </View>
  )
}

/** One choice among a few, as a segmented row. */
export function Segments<T extends string>({ options, value, onChange, id }: { options: { value: T; label: string }[]; value: T; onChange(v: T): void; id?: string }) {
  return (
    <View className='segments'>
      {options.map((o) => (
        <Text
          key={o.value}
          className={`segments__item ${o.value === value ? 'segments__item--on' : ''}`}
          onClick={() => onChange(o.value)}
          {...(id ? testId(`${id}-${o.value}`) : {})}
        >
          {o.label}
        </Text>
      ))}
    </View>
  )
}

/**
 * A destructive action asked twice: the first tap shows the question with 确认 / 取消. `onConfirm` may throw;
 * its message is shown under the question.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel = '确认',
  onConfirm,
  id,
  disabled,
}: {
  label: string
  question: string
  confirmLabel?: string
  onConfirm(): Promise<void> | void
  id: string
  disabled?: boolean
}) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!asking)
    return (
      <Button type='plain' block disabled={disabled} onClick={() => setAsking(true)} {...testId(id)}>
        {label}
      </Button>
    )
  return (
    <View className='confirm' {...testId(`${id}-confirm-box`)}>
      <Text className='confirm__question'>{question}</Text>
      {error ? <Text className='field__error'>{error}</Text> : null}
      <View className='confirm__actions'>
        <Button onClick={() => setAsking(false)} disabled={busy} {...testId(`${id}-cancel`)}>
          取消
        </Button>
        <Button
          type='primary'
          loading={busy}
          onClick={async () => {
            setBusy(true)
            setError(null)
            try {
              await onConfirm()
              setAsking(false)
            } catch (e) {
              setError((e as Error)?.message || '操作失败，请重试')
            } finally {
              setBusy(false)
            }
          }}
          {...testId(`${id}-confirm`)}
        >
          {confirmLabel}
        </Button>
      </View>
    </View>
  )
}
