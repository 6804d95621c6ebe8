import { useEffect } from 'react'
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
