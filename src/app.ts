import { type PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { CLOUD_ENV } from '../config/deployment'
import { registerPrivacyHandler } from './lib/privacy'
import './app.scss'

if (process.env.TARO_ENV === 'h5') {
  require('./h5-fixes.scss')
  // The browser's title bar, a changed URL on the same page, a sub-package that cannot be fetched (lib/h5-shell.ts).
  ;(require('./lib/h5-shell') as typeof import('./lib/h5-shell')).installH5Shell()
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ ...(CLOUD_ENV ? { env: CLOUD_ENV } : {}), traceUser: true })
      registerPrivacyHandler()
    }
  })
  return children
}

export default App
