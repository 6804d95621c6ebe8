/**
 * Adds files to a checklist item in the browser: one file input for photos and PDF / Word / Excel documents. A kind
 * the checklist does not take is said by name, never dropped silently (weapp: material-picker.tsx).
 */
import { useRef, type ChangeEvent } from 'react'
import { Text, View } from '@tarojs/components'
import { testId } from '../../../lib/test-id'
import { MATERIAL_EXTENSIONS, materialFileProblem } from '../../../../types/recruitment'
import type { MaterialPickerProps } from './material-picker'

const MAX_BYTES = 20 * 1024 * 1024
const problem = (name: string, bytes: number) => materialFileProblem(name) ?? (bytes > MAX_BYTES ? `${name} 超过 20 MB，未添加` : null)

export function MaterialPicker({ remaining, onPicked, onRefused, inputTestId = 'material-input' }: MaterialPickerProps) {
  const ref = useRef<HTMLInputElement>(null)
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []).slice(0, Math.max(0, remaining))
    e.target.value = ''
    const refused = files.map((f) => problem(f.name, f.size)).filter((m): m is string => !!m)
    onRefused(refused.length ? refused.join('；') : null)
    const ok = files.filter((f) => !problem(f.name, f.size)).map((f) => ({ source: { blob: f, name: f.name }, name: f.name, bytes: f.size }))
    if (ok.length) onPicked(ok)
  }
  return (
    <View className='file-add recruit-add' onClick={() => (remaining > 0 ? ref.current?.click() : onRefused('每项材料最多 30 个附件，请先删除不需要的'))} {...testId('material-add')}>
      <Text>＋ 添加照片或文件</Text>
      <input ref={ref} type='file' multiple accept={['image/*', ...MATERIAL_EXTENSIONS.map((x) => `.${x}`)].join(',')} data-testid={inputTestId} style={{ display: 'none' }} onChange={onChange} />
    </View>
  )
}
