/** H5's document source for 书面材料: a file input for PDF, Word (.docx) and Excel (.xlsx) (weapp: file-input.tsx). */
import { useRef, type ChangeEvent } from 'react'
import { Text, View } from '@tarojs/components'
import { testId } from '../lib/test-id'
import { fileProblem, type PickedFile } from './file-pick'

export type { PickedFile } from './file-pick'

/** `inputTestId` names the hidden file input for end-to-end tests. */
export function FileInput({
  remaining,
  onPicked,
  onRefused,
  inputTestId = 'file-input',
}: {
  remaining: number
  onPicked(files: PickedFile[]): void
  onRefused(message: string | null): void
  inputTestId?: string
}) {
  const ref = useRef<HTMLInputElement>(null)
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []).slice(0, Math.max(0, remaining))
    e.target.value = ''
    const refused = files.map((f) => fileProblem(f.name, f.size)).filter((m): m is string => !!m)
    onRefused(refused.length ? refused.join('；') : null)
    const ok = files.filter((f) => !fileProblem(f.name, f.size)).map((f) => ({ source: { blob: f, name: f.name }, name: f.name, bytes: f.size }))
    if (ok.length) onPicked(ok)
  }
  return (
    <View className='file-add' onClick={() => ref.current?.click()} {...testId('file-add')}>
      <Text>＋ 添加文件（PDF、Word、Excel）</Text>
      <input ref={ref} type='file' multiple accept='.pdf,.docx,.xlsx' data-testid={inputTestId} style={{ display: 'none' }} onChange={onChange} />
    </View>
  )
}
