/**
 * 记录活动 / 修改记录. `?id=<planned session>` records that plan (its fields prefilled), `?edit=<id>` edits a record
 * from its current version, no query records a session that was never planned. The draft outlives the page.
 * After a save the record's page may offer to renew reminder subscriptions that ran out ('record-saved').
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PrivacyDialog } from '../../../../components/privacy-dialog'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { errorMessage } from '../../../../services/api'
import { selectCanWrite, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { ActivityForm } from '../../../../features/activities/components/activity-form'
import { LockNote } from '../../../../features/activities/components/lock-note'
import { draftFrom, draftKey, newDraft, useDraftStore } from '../../../../features/activities/draft-store'
import { followSaved } from '../../../../features/activities/records-store'
import { useDetailStore } from '../../../../features/activities/detail-store'
import { offerOnNextPage } from '../../../../features/reminders/ask-again'

export const DETAIL_PAGE = '/packages/activities/pages/detail/index'

export default function EditActivityPage() {
  const params = useRouter().params
  const plannedId = params.id ? decodeURIComponent(params.id) : ''
  const editId = params.edit ? decodeURIComponent(params.edit) : ''
  const status = useSessionBootstrap()
  const error = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const branchId = useSessionStore((s) => s.currentBranchId)
  const canWrite = useSessionStore(selectCanWrite)
  const key = editId ? draftKey.edit(editId) : branchId ? draftKey.record(branchId, plannedId || undefined) : ''
  const hasDraft = useDraftStore((s) => !!key && !!s.drafts[key])
  const [loadError, setLoadError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const locksOn = useDetailStore((s) => (editId ? s.byId[editId]?.locksOn : undefined))

  useEffect(() => {
    if (status !== 'ready' || !branchId || !key) return
    const store = useDraftStore.getState()
    store.resume()
    if (store.drafts[key]) {
      store.open(key, () => store.drafts[key])
      return
    }
    if (!plannedId && !editId) {
      if (canWrite) store.open(key, () => newDraft(key, 'record', branchId))
      return
    }
    // Start from the saved session: the plan's fields, or the record as it is now.
    setLoadError(null)
    useDetailStore.getState().read(editId || plannedId).then(
      (a) => useDraftStore.getState().open(key, () => draftFrom(a, key, editId ? 'edit' : 'record')),
      (e) => setLoadError(errorMessage(e)),
    )
  }, [status, branchId, key, plannedId, editId, canWrite, attempt])

  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={loadSession} />
  if (!branchId || !canWrite) return <EmptyState title='无法记录活动' hint='只有支部书记和支委委员可以记录本支部的活动' />
  if (loadError) return <ErrorState message={loadError} onRetry={() => setAttempt((n) => n + 1)} />
  if (!hasDraft) return <LoadingState />

  return (
    <View>
      {/* Choosing photos is a privacy API: WeChat asks through this dialog the first time. */}
      <PrivacyDialog />
      {/* When the branch can no longer change it: 30 days after it is recorded (#16.12). */}
      <LockNote locksOn={locksOn} />
      <ActivityForm
        draftKey={key}
        onSaved={(activity, pending) => {
          followSaved(activity)
          void Taro.showToast({ title: pending ? `已保存，${pending} 张照片上传中` : '已保存', icon: pending ? 'none' : 'success' })
          useDetailStore.getState().put(activity)
          // A natural moment to top up one-time subscriptions that ran out (at most once a day): offered by the
          // record's page, which opens next.
          offerOnNextPage('record-saved', useSessionStore.getState().roles.map((g) => g.role))
          // Opened from the session's page (记录这次活动 / 修改记录): go back to it, it shows the saved version.
          const pages = Taro.getCurrentPages()
          const prev = pages[pages.length - 2] as { route?: string } | undefined
          if ((plannedId || editId) && prev?.route?.includes('packages/activities/pages/detail')) void Taro.navigateBack()
          else void Taro.redirectTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(activity.id)}` })
        }}
      />
    </View>
  )
}
