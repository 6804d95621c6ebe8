/** Opens the page an inbox item points at: tab pages need switchTab (and take no query), the rest navigateTo. */
import Taro from '@tarojs/taro'

const TABS = ['pages/home/index', 'pages/work-points/index', 'pages/activities/index', 'pages/me/index']

export function openPage(page: string): void {
  const url = `/${page.replace(/^\/+/, '')}`
  const path = url.slice(1).split('?')[0]
  if (TABS.includes(path)) void Taro.switchTab({ url: `/${path}` })
  else void Taro.navigateTo({ url })
}
