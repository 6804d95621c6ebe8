/** The photo grid: progress, a retry for a failed upload, move left/right, delete, full-screen view. */
import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { PhotoGrid, uploadSummary, type PhotoTile } from '../../src/components/photo-grid'

const tiles: PhotoTile[] = [
  { key: 'a', src: 'data:a', full: 'blob:a', status: 'done', percent: 100 },
  { key: 'b', src: 'data:b', status: 'uploading', percent: 42 },
  { key: 'c', src: 'data:c', status: 'failed', percent: 10, error: '网络不可用' },
]

test('each tile shows its state and every control reaches the owner', () => {
  const on = { onPicked: jest.fn(), onRetry: jest.fn(), onRemove: jest.fn(), onMove: jest.fn() }
  render(<PhotoGrid tiles={tiles} {...on} />)
  expect(screen.getByText('42%')).toBeTruthy()
  expect(screen.getByText('上传失败')).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(on.onRetry).toHaveBeenCalledWith('c')
  fireEvent.click(screen.getAllByText('‹')[1])
  expect(on.onMove).toHaveBeenCalledWith('b', -1)
  // The first cannot move left, the last cannot move right.
  fireEvent.click(screen.getAllByText('‹')[0])
  fireEvent.click(screen.getAllByText('›')[2])
  expect(on.onMove).toHaveBeenCalledTimes(1)
  fireEvent.click(screen.getAllByText('删除')[0])
  expect(on.onRemove).toHaveBeenCalledWith('a')
  fireEvent.click(screen.getByText('1'))
  expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['blob:a', 'data:b', 'data:c'], current: 'blob:a' })
  expect(screen.getByText('拍照或相册')).toBeTruthy()
  expect(uploadSummary(tiles)).toBe('1 张照片上传中，1 张照片上传失败，点“重试”')
})

test('a full grid offers no add tile', () => {
  const nine = Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, src: `s${i}`, status: 'done' as const, percent: 100 }))
  render(<PhotoGrid tiles={nine} onPicked={jest.fn()} onRetry={jest.fn()} onRemove={jest.fn()} onMove={jest.fn()} />)
  expect(screen.queryByText('拍照或相册')).toBeNull()
  expect(uploadSummary(nine)).toBeNull()
})
