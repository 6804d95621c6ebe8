/**
 * Whether the window is wide enough for a desk layout (docs/layout.md; the same 960px as $side-by-side in
 * src/packages/desk.scss). CSS lays the parts out by width; this only decides content that a phone should not
 * carry at all (the pasted source beside the parsed plan, whole branch names in the heatmap). It follows the
 * window as it is resized: the browser's, and PC WeChat's resizable one (the page's onResize).
 */
import { useState } from 'react'
import Taro, { useResize } from '@tarojs/taro'

export const SIDE_BY_SIDE_MIN = 960

export function useWideWindow(): boolean {
  const [wide, setWide] = useState(() => Taro.getWindowInfo().windowWidth >= SIDE_BY_SIDE_MIN)
  useResize((r) => setWide(r.size.windowWidth >= SIDE_BY_SIDE_MIN))
  return wide
}
