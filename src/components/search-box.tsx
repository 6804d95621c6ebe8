/**
 * A search row: a text box (the keyboard's 搜索 key submits) and a 搜索 button. The text is the caller's until
 * submitted, so typing does not reload anything. `testId` names the box in H5 tests; its button is `<testId>-submit`.
 */
import { Input, View } from '@tarojs/components'
import { testId as testIdOf } from '../lib/test-id'
import { Button } from './button'
import './search-box.scss'

export function SearchBox({ value, placeholder, onChange, onSearch, testId }: { value: string; placeholder: string; onChange(text: string): void; onSearch(text: string): void; testId: string }) {
  return (
    <View className='search-box'>
      <Input
        className='search-box__input'
        value={value}
        maxlength={20}
        confirmType='search'
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={() => onSearch(value)}
        {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'data-testid': testId } } : {})}
      />
      <Button onClick={() => onSearch(value)} {...testIdOf(`${testId}-submit`)}>
        搜索
      </Button>
    </View>
  )
}
