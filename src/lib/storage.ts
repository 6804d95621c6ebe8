/**
 * zustand `persist` storage over Taro's synchronous storage (wx.getStorageSync / localStorage on H5), so stores
 * hydrate during creation, before the first render.
 */
import Taro from '@tarojs/taro'
import { createJSONStorage, type StateStorage } from 'zustand/middleware'

export const taroStateStorage: StateStorage = {
  getItem: (name) => {
    try {
      const value = Taro.getStorageSync(name)
      return typeof value === 'string' && value !== '' ? value : null
    } catch {
      return null
    }
  },
  setItem: (name, value) => {
    try {
      Taro.setStorageSync(name, value)
    } catch {
      // Storage full or unavailable: the draft still lives in memory.
    }
  },
  removeItem: (name) => {
    try {
      Taro.removeStorageSync(name)
    } catch {
      // ignore
    }
  },
}

export const taroJSONStorage = <S>() => createJSONStorage<S>(() => taroStateStorage)
