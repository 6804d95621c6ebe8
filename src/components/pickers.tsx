/** Pickers for the sub-package forms on weapp (H5 uses native controls: pickers.h5.tsx). */
import { Picker, Text, View } from '@tarojs/components'
import { formatDay } from '../lib/time'
import './pickers.scss'

export interface Option<T extends string> {
  value: T
  label: string
}

export function SelectField<T extends string>({ value, options, onChange, placeholder = '请选择' }: { value: T; options: Option<T>[]; onChange(v: T): void; placeholder?: string; id?: string }) {
  const index = Math.max(0, options.findIndex((o) => o.value === value))
  return (
    <Picker mode='selector' range={options.map((o) => o.label)} value={index} onChange={(e) => onChange(options[Number(e.detail.value)].value)}>
      <View className='picker-field'>
        <Text>{options.find((o) => o.value === value)?.label ?? placeholder}</Text>
        <Text className='picker-field__arrow'>›</Text>
      </View>
    </Picker>
  )
}

/** The one date field of every form (the activity form's too): WeChat's date picker, the date shown as 2026年12月3日. */
export function DateField({ value, onChange, placeholder = '请选择日期', className = 'picker-field' }: { value: string; onChange(v: string): void; placeholder?: string; id?: string; className?: string }) {
  return (
    <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={className}>
        <Text className={value ? '' : 'picker-field__placeholder'}>{value ? formatDay(value) : placeholder}</Text>
        <Text className='picker-field__arrow'>›</Text>
      </View>
    </Picker>
  )
}

/** A time of day (HH:mm, 24-hour): WeChat's time picker. */
export function TimeField({ value, onChange, placeholder = '请选择时间', className = 'picker-field' }: { value: string; onChange(v: string): void; placeholder?: string; id?: string; className?: string }) {
  return (
    <Picker mode='time' value={value || '12:00'} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={className}>
        <Text className={value ? '' : 'picker-field__placeholder'}>{value || placeholder}</Text>
        <Text className='picker-field__arrow'>›</Text>
      </View>
    </Picker>
  )
}

/** A calendar month (YYYY-MM): the platform's month picker. */
export function MonthField({ value, onChange, placeholder = '请选择月份', start, end }: { value: string; onChange(v: string): void; placeholder?: string; id?: string; start?: string; end?: string }) {
  return (
    <Picker mode='date' fields='month' value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value).slice(0, 7))}>
      <View className='picker-field'>
        <Text className={value ? '' : 'picker-field__placeholder'}>{value ? `${value.slice(0, 4)}年${Number(value.slice(5, 7))}月` : placeholder}</Text>
        <Text className='picker-field__arrow'>›</Text>
      </View>
    </Picker>
  )
}
