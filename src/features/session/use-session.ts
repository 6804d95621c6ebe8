import { useEffect } from 'react'
import { useDidShow } from '@tarojs/taro'
import { useSessionStore } from './store'

/** Loads the session once per app run (first screen that needs it). */
export function useSessionBootstrap() {
  const status = useSessionStore((s) => s.status)
  const load = useSessionStore((s) => s.load)
  useEffect(() => {
    if (status === 'idle') void load()
  }, [status, load])
  return status
}

/**
 * Loads what a page shows for the current branch once the session is ready, and again each time the page shows
 * (a save on another page may have changed it).
 */
export function useCurrentBranchLoad(load: (branchId: string) => unknown) {
  const status = useSessionStore((s) => s.status)
  const branchId = useSessionStore((s) => s.currentBranchId)
  useEffect(() => {
    if (status === 'ready' && branchId) void load(branchId)
  }, [status, branchId, load])
  useDidShow(() => {
    const { status: now, currentBranchId } = useSessionStore.getState()
    if (now === 'ready' && currentBranchId) void load(currentBranchId)
  })
}
