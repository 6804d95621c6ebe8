/** The mini-program's pickers for the activity form (H5 uses native inputs: form-controls.h5.tsx). */
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { ACTIVITY_TYPES, ACTIVITY_TYPE_INFO, type ActivityType } from '../../../../types/domain'
import { DateField as SharedDateField, TimeField as SharedTimeField } from '../../../components/pickers'

export interface ControlProps<T> {
  value: T
  onChange(value: T): void
  /** H5 test hook (defaults per control). */
  id?: string
  placeholder?: string
}

const names = ACTIVITY_TYPES.map((t) => ACTIVITY_TYPE_INFO[t].name)

export function TypeSelect({ value, onChange }: ControlProps<ActivityType>) {
  return (
    <Picker mode='selector' range={names} value={Math.max(0, ACTIVITY_TYPES.indexOf(value))} onChange={(e) => onChange(ACTIVITY_TYPES[Number(e.detail.value)])}>
      <View className='form-control'>
        <Text>{ACTIVITY_TYPE_INFO[value]?.name ?? '请选择'}</Text>
        <Text className='form-control__arrow'>›</Text>
      </View>
    </Picker>
  )
}

/** The app's one date field (components/pickers.tsx), in this form's box. */
export function DateField({ value, onChange, placeholder }: ControlProps<string>) {
  return <SharedDateField value={value} onChange={onChange} placeholder={placeholder} className='form-control' />
}

/** The app's one time field (components/pickers.tsx), in this form's box. */
export function TimeField({ value, onChange, placeholder }: ControlProps<string>) {
  return <SharedTimeField value={value} onChange={onChange} placeholder={placeholder} className='form-control' />
}

/** Brings a field into view, so a refused save shows the first error (the mini-program cannot focus from here). */
export function revealField(anchor: string) {
  void Taro.pageScrollTo({ selector: `#${anchor}`, duration: 200, offsetTop: -80 })
}
