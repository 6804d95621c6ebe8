/** H5's .docx source: a file input. */
import { useRef } from 'react'
import { Button } from '../../../components/button'
import type { UploadSource } from '../../../services/api'

export function DocxInput({ onPicked, disabled }: { onPicked(source: UploadSource): void; disabled?: boolean }) {
  const ref = useRef<HTMLInputElement>(null)
  return (
    <>
      <Button block disabled={disabled} onClick={() => ref.current?.click()}>
        选择 .docx 文件
      </Button>
      <input
        ref={ref}
        type='file'
        accept='.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        data-testid='plan-docx-input'
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0]
          e.target.value = ''
          if (f) onPicked({ blob: f, name: f.name })
        }}
      />
    </>
  )
}
