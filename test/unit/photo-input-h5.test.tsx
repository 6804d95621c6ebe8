/** H5 photo picker: a file it cannot open (a PDF, a damaged picture) is named on screen, not dropped silently (#16.14). */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { PhotoInput } from '../../src/components/photo-input.h5'

test('a PDF picked as a photo is reported by name and nothing is added', async () => {
  const onPicked = jest.fn()
  const { container } = render(<PhotoInput remaining={9} onPicked={onPicked} />)
  const input = container.querySelector('input[type=file]') as HTMLInputElement
  const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], '会议记录.pdf', { type: 'application/pdf' })
  await act(async () => {
    fireEvent.change(input, { target: { files: [pdf] } })
    await new Promise((r) => setTimeout(r, 0))
  })
  expect(screen.getByText('会议记录.pdf 不是可以打开的图片，未添加（请选择 JPG、PNG 等照片）')).toBeTruthy()
  expect(onPicked).not.toHaveBeenCalled()
})
