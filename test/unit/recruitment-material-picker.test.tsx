/**
 * The mini-program's picker for a 发展党员 checklist item (src/features/recruitment/components/material-picker.tsx), the
 * users' walk: a scanned 申请书 is a phone photo, so 拍照或从相册选择 (chooseMedia) sits beside 从聊天记录选择文件
 * (chooseMessageFile, any kind), and a kind the checklist does not take is said by name — the picker took only PDF /
 * Word / Excel and a .jpg was silently ignored.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { MaterialPicker } from '../../src/features/recruitment/components/material-picker'

const taro = Taro as unknown as Record<string, jest.Mock>

async function tap() {
  await act(async () => {
    fireEvent.click(screen.getByText('＋ 添加照片或文件'))
    await new Promise((r) => setTimeout(r, 0))
  })
}

test('a photo from the camera or the album is taken, named after the item', async () => {
  taro.showActionSheet = jest.fn(() => Promise.resolve({ tapIndex: 0 }))
  taro.chooseMedia = jest.fn(() => Promise.resolve({ tempFiles: [{ tempFilePath: 'wxfile://tmp_a1.jpg', size: 800_000 }] }))
  const onPicked = jest.fn()
  const onRefused = jest.fn()
  render(<MaterialPicker title='入党申请书' remaining={30} onPicked={onPicked} onRefused={onRefused} />)
  await tap()
  expect(taro.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ mediaType: ['image'], sourceType: ['album', 'camera'] }))
  const [files] = onPicked.mock.calls[0]
  expect(files).toHaveLength(1)
  expect(files[0].name).toMatch(/^入党申请书-照片.+\.jpg$/)
  expect(files[0].source).toEqual({ filePath: 'wxfile://tmp_a1.jpg', name: files[0].name })
  expect(onRefused).toHaveBeenLastCalledWith(null)
})

test('from a chat: a .jpg and a .pdf are taken, a .txt is refused by name', async () => {
  taro.showActionSheet = jest.fn(() => Promise.resolve({ tapIndex: 1 }))
  taro.chooseMessageFile = jest.fn(() =>
    Promise.resolve({
      tempFiles: [
        { path: 'wxfile://a', name: '申请书扫描.jpg', size: 1000 },
        { path: 'wxfile://b', name: '入党申请书.pdf', size: 2000 },
        { path: 'wxfile://c', name: '说明.txt', size: 10 },
      ],
    }),
  )
  const onPicked = jest.fn()
  const onRefused = jest.fn()
  render(<MaterialPicker title='入党申请书' remaining={30} onPicked={onPicked} onRefused={onRefused} />)
  await tap()
  expect(taro.chooseMessageFile).toHaveBeenCalledWith(expect.objectContaining({ type: 'all' }))
  expect(onPicked.mock.calls[0][0].map((f: { name: string }) => f.name)).toEqual(['申请书扫描.jpg', '入党申请书.pdf'])
  expect(onRefused).toHaveBeenLastCalledWith('说明.txt 不是照片（JPG、PNG）或 PDF、Word、Excel 文件，未添加')
})
