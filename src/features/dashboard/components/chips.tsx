/** A row of choice chips (filters, sort orders): large tap targets, the chosen one filled. */
import { Text, View } from '@tarojs/components'
import { testId } from '../../../lib/test-id'

export function Chips<T extends string>({ options, value, onChange, id }: { options: readonly { value: T; label: string }[]; value: T; onChange: (v: T) => void; id: string }) {
  return (
    <View className='chips'>
      {options.map((o) => (
        <Text
          key={o.value}
          className={`chips__chip ${o.value === value ? 'chips__chip--on' : ''}`}
          onClick={() => o.value !== value && onChange(o.value)}
          {...testId(`${id}-${o.value}`)}
        >
          {o.label}
        </Text>
      ))}
    </View>
  )
}
