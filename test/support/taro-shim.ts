/**
 * The few @tarojs/taro APIs the components call, for jsdom: storage over an in-memory map (inspectable), navigation
 * and feedback as jest mocks, React lifecycle hooks as no-ops.
 */
export const memoryStorage = new Map<string, unknown>()

const Taro = {
  getStorageSync: jest.fn((key: string) => (memoryStorage.has(key) ? memoryStorage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    memoryStorage.set(key, value)
  }),
  removeStorageSync: jest.fn((key: string) => {
    memoryStorage.delete(key)
  }),
  navigateTo: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  switchTab: jest.fn(() => Promise.resolve()),
  showToast: jest.fn(() => Promise.resolve()),
  showActionSheet: jest.fn(() => Promise.reject(new Error('cancel'))),
  previewImage: jest.fn(() => Promise.resolve()),
  stopPullDownRefresh: jest.fn(),
  pageScrollTo: jest.fn(() => Promise.resolve()),
  chooseMedia: jest.fn(() => Promise.reject(new Error('cancel'))),
  getCurrentPages: jest.fn(() => [{}, {}]),
  cloud: undefined as unknown,
  // What NutUI's bundle asks of Taro when it loads in jsdom.
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD', HARMONY: 'HARMONY' },
  getEnv: () => 'WEB',
  getSystemInfoSync: () => ({ windowWidth: 390, windowHeight: 844, screenWidth: 390, pixelRatio: 2, platform: 'devtools' }),
  getWindowInfo: () => ({ windowWidth: 390, windowHeight: 844, screenWidth: 390, pixelRatio: 2 }),
  pxTransform: (n: number) => `${n}px`,
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  createSelectorQuery: () => ({
    select: () => ({ boundingClientRect: () => ({ exec: (cb?: (r: unknown[]) => void) => cb?.([null]) }) }),
    selectAll: () => ({ boundingClientRect: () => ({ exec: (cb?: (r: unknown[]) => void) => cb?.([[]]) }) }),
  }),
}

export const useDidShow = (_fn: () => void) => {}
export const usePullDownRefresh = (_fn: () => void) => {}
export const useReachBottom = (_fn: () => void) => {}
export const useLaunch = (_fn: () => void) => {}
export const useReady = (_fn: () => void) => {}
export const useUnload = (_fn: () => void) => {}
export const usePageScroll = (_fn: () => void) => {}
export const getEnv = Taro.getEnv
export const ENV_TYPE = Taro.ENV_TYPE
export const getSystemInfoSync = Taro.getSystemInfoSync
export const createSelectorQuery = Taro.createSelectorQuery
export const nextTick = Taro.nextTick
export const pxTransform = Taro.pxTransform
export const useRouter = () => ({ params: {} as Record<string, string> })

export default Taro
