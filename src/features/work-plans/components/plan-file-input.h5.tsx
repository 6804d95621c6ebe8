/** H5's plan file source: a file input taking Word, PDF, Excel and text (weapp: plan-file-input.tsx). */
import { useRef } from 'react'
import { Button } from '../../../components/button'
import type { UploadSource } from '../../../services/api'

const ACCEPT = [
  '.docx',
  '.pdf',
  '.xlsx',
  '.txt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
].join(',')

export function PlanFileInput({ onPicked, disabled }: { onPicked(source: UploadSource, size: number): void; disabled?: boolean }) {
  const ref = useRef<HTMLInputElement>(null)
  return (
    <>
      <Button block disabled={disabled} onClick={() => ref.current?.click()}>
        选择文件（Word、PDF、Excel）
      </Button>
      <input
        ref={ref}
        type='file'
        accept={ACCEPT}
        data-testid='plan-file-input'
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0]
          e.target.value = ''
          if (f) onPicked({ blob: f, name: f.name }, f.size)
        }}
      />
    </>
  )
}
