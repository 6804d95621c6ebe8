import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { TextInput } from '../../../../components/form'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { testId } from '../../../../lib/test-id'
import { useWideWindow } from '../../../../lib/wide-window'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { PlanFileInput } from '../../../../features/work-plans/components/plan-file-input'
import { MAX_PLAN_FILE_MB } from '../../../../features/work-plans/logic'
import { PlanEditor } from '../../../../features/work-plans/components/plan-editor'
import { useDraftStore } from '../../../../features/work-plans/store'
import { assignPage } from '../../routes'
import '../plans.scss'
import '../../../../features/work-plans/components/work-plans.scss'
import './index.scss'

export default function ImportPage() {
  const planId = useRouter().params.id
  const session = useSessionBootstrap()
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const s = useDraftStore()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const wide = useWideWindow()

  useEffect(() => {
    if (planId) void useDraftStore.getState().open(planId)
    else useDraftStore.getState().reset()
  }, [planId])

  if (session !== 'ready') return <LoadingState />
  if (!isAdmin) return <EmptyState title='只有党委管理员可以导入工作要点' />
  if (s.status === 'loading') return <LoadingState />
  if (s.status === 'parsing') return <LoadingState text='正在解析工作要点…' />
  if (planId && s.status === 'error') return <ErrorState message={s.error ?? '加载失败'} onRetry={() => void s.open(planId)} />

  if (!s.draft)
    return (
      // desk (docs/layout.md): the page may use the window's width; ./index.scss keeps this form in a column.
      <View className='plans-page desk'>
        <View className='wp-card'>
          <Text className='wp-card__head'>粘贴工作要点全文</Text>
          <TextInput multiline maxlength={60000} value={text} onChange={setText} placeholder='从 Word 或 PDF 复制全文，粘贴到这里' id='plan-text' />
          <Text className='wp-card__hint'>{text.length ? `已粘贴 ${text.length} 字` : '标题、文号、各部分和编号要点会被自动识别'}</Text>
          {s.error ? <Text className='field__error' {...testId('plan-parse-error')}>{s.error}</Text> : null}
          <Button type='primary' size='large' block onClick={() => void s.parseText(text)} {...testId('plan-parse')}>
            解析
          </Button>
          <Text className='import-form__or'>或者</Text>
          <PlanFileInput onPicked={(source, size) => void s.parseFile(source, size)} />
          <Text className='wp-card__hint' {...testId('plan-file-hint')}>
            {`支持 Word（.docx，含自动编号和任务分解表）、文字版 PDF、Excel 任务分解表（.xlsx）和 .txt，不超过 ${MAX_PLAN_FILE_MB} MB`}
          </Text>
        </View>
      </View>
    )

  const published = s.summary?.status === 'published'
  const run = async (what: 'save' | 'publish') => {
    setBusy(what)
    setActionError(null)
    try {
      if (what === 'save') {
        await s.save()
        void Taro.showToast({ title: '已保存草稿', icon: 'success' })
      } else {
        const summary = await s.publish()
        void Taro.showToast({ title: '已发布', icon: 'success' })
        void Taro.redirectTo({ url: assignPage(summary.id) })
      }
    } catch (e) {
      setActionError((e as Error).message)
    } finally {
      setBusy(null)
    }
  }
  // At a desk the pasted source stays on the left while the parsed plan is checked on the right (./index.scss).
  const source = wide ? text.trim() : ''
  return (
    <View className={`plans-page desk ${source ? 'import-desk' : ''}`}>
      {source ? (
        <View className='import-desk__source' {...testId('plan-source')}>
          <View className='wp-card'>
            <Text className='wp-card__head'>原文</Text>
            <Text className='import-desk__text'>{source}</Text>
          </View>
        </View>
      ) : null}
      <View className='import-desk__preview'>
        {published ? (
          <View className='wp-card'>
            <Text className='wp-card__hint'>这份工作要点已发布，修改后保存即可更新。</Text>
          </View>
        ) : null}
        <PlanEditor key={s.planId ?? 'new'} />
        <View className='wp-card'>
          {actionError ? <Text className='field__error' {...testId('plan-action-error')}>{actionError}</Text> : null}
          {s.planId && !s.dirty ? <Text className='wp-card__hint' {...testId('plan-saved')}>已保存</Text> : null}
          <View className='import-form__actions'>
            <View style={{ flex: 1, marginRight: '12px' }}>
              <Button block size='large' loading={busy === 'save'} disabled={!!busy} onClick={() => void run('save')} {...testId('plan-save')}>
                {published ? '保存修改' : '保存草稿'}
              </Button>
            </View>
            {!published ? (
              <View style={{ flex: 1 }}>
                <Button type='primary' size='large' block loading={busy === 'publish'} disabled={!!busy} onClick={() => void run('publish')} {...testId('plan-publish')}>
                  发布
                </Button>
              </View>
            ) : (
              <View style={{ flex: 1 }}>
                <Button type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: assignPage(s.planId!) })}>
                  下发到支部
                </Button>
              </View>
            )}
          </View>
        </View>
      </View>
    </View>
  )
}
