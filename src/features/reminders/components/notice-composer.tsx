/**
 * The committee's notice composer: to all branches or chosen ones (search by name, multi-select), to chosen roles;
 * title and body with their limits; 预览 shows how it reads in the inbox and as a WeChat subscription message
 * (the keyword values as the cloud fitted them) and whom it reaches; 发送 reports the counts.
 */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Field, Segments, TextInput } from '../../../components/form'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { SUBSCRIPTION_TEMPLATES } from '../../../../config/deployment'
import { NOTICE_BODY_MAX, NOTICE_ROLE_OPTIONS, NOTICE_TITLE_MAX, audienceText, type NoticeDraft } from '../notice-logic'
import { useNoticeStore, type NoticeReach, type NoticeSent } from '../notice-store'
import './notice-composer.scss'

const FIELD_LABELS: Record<string, string> = { title: '通知标题', from: '发布单位', at: '发布时间', summary: '通知摘要' }

/** The subscription message keyword by keyword, labelled, in the template's order. */
export function messageRows(message: NoticeReach['message']): { key: string; label: string; value: string }[] {
  return Object.entries(SUBSCRIPTION_TEMPLATES.committee_notice.keywords)
    .filter(([, k]) => message[k.key])
    .map(([field, k]) => ({ key: k.key, label: FIELD_LABELS[field] ?? k.key, value: message[k.key].value }))
}

/** 微信提醒：已发送 4 条；8 人未订阅，只在“消息”中收到。 (+ no quota left, failed for the next run) */
export function sentText(s: NoticeSent): string {
  const parts = [`微信提醒：已发送 ${s.sent} 条`]
  if (s.noQuota) parts.push(`${s.noQuota} 条因对方订阅次数已用完未发出`)
  if (s.failed) parts.push(`${s.failed} 条发送失败，定时任务会重试`)
  const unsubscribed = Math.max(0, s.recipientCount - s.withQuota)
  return `${parts.join('，')}${unsubscribed ? `；${unsubscribed} 人未订阅，只在“消息”中收到` : ''}。`
}

function Counter({ n, max }: { n: number; max: number }) {
  return <Text className={`notice__counter ${n > max ? 'notice__counter--over' : ''}`}>{`${n}/${max}`}</Text>
}

function BranchPicker({ draft }: { draft: NoticeDraft }) {
  const query = useNoticeStore((s) => s.branchQuery)
  const options = useNoticeStore((s) => s.branchOptions)
  const error = useNoticeStore((s) => s.branchError)
  const find = useNoticeStore((s) => s.findBranches)
  const edit = useNoticeStore((s) => s.edit)
  useEffect(() => {
    if (!options) void find('')
  }, [options, find])
  const picked = new Set(draft.branches.map((b) => b.id))
  const toggle = (b: { id: string; name: string }) =>
    edit({ branches: picked.has(b.id) ? draft.branches.filter((x) => x.id !== b.id) : [...draft.branches, b] })
  return (
    <View className='notice__picker'>
      {draft.branches.length ? (
        <View className='notice__picked'>
          {draft.branches.map((b) => (
            <Text key={b.id} className='notice__chip' onClick={() => toggle(b)} {...testId('notice-picked-branch')}>
              {b.name} ×
            </Text>
          ))}
        </View>
      ) : null}
      <TextInput value={query} onChange={(q) => void find(q)} placeholder='搜索支部名称' maxlength={20} id='notice-branch-search' />
      {error ? <Text className='field__error'>{error}</Text> : null}
      <View className='notice__options'>
        {options === null ? <Text className='notice__hint'>正在加载支部…</Text> : null}
        {options && !options.length ? <Text className='notice__hint'>没有找到支部</Text> : null}
        {(options ?? []).map((b) => (
          <View key={b.id} className={`notice__option ${picked.has(b.id) ? 'notice__option--on' : ''}`} onClick={() => toggle(b)} {...testId('notice-branch-option')}>
            <Text>{b.name}</Text>
            <Text className='notice__check'>{picked.has(b.id) ? '✓' : ''}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function Preview({ draft, reach }: { draft: NoticeDraft; reach: NoticeReach }) {
  return (
    <View className='notice__preview' {...testId('notice-preview')}>
      <Text className='notice__reach' {...testId('notice-reach')}>
        {`将发给 ${reach.branchCount} 个支部的 ${reach.recipientCount} 人；其中 ${reach.withQuota} 人已订阅，会同时收到微信提醒，其余只在“消息”中看到。`}
      </Text>
      <Text className='notice__label'>在“消息”中</Text>
      <View className='notice__inbox'>
        <Text className='notice__tag'>通知</Text>
        <Text className='notice__inbox-title'>{draft.title.trim()}</Text>
        <Text className='notice__inbox-body'>{draft.body.trim()}</Text>
      </View>
      <Text className='notice__label'>微信订阅消息（超长的内容由系统截短）</Text>
      <View className='notice__wx' {...testId('notice-wx-message')}>
        <Text className='notice__wx-title'>{SUBSCRIPTION_TEMPLATES.committee_notice.title}</Text>
        {messageRows(reach.message).map((r) => (
          <View key={r.key} className='notice__wx-row'>
            <Text className='notice__wx-label'>{r.label}</Text>
            <Text className='notice__wx-value'>{r.value}</Text>
          </View>
        ))}
        <Text className='notice__wx-open'>进入小程序查看 ›</Text>
      </View>
    </View>
  )
}

export function NoticeComposer() {
  const draft = useNoticeStore((s) => s.draft)
  const errors = useNoticeStore((s) => s.errors)
  const preview = useNoticeStore((s) => s.preview)
  const sent = useNoticeStore((s) => s.sent)
  const busy = useNoticeStore((s) => s.busy)
  const error = useNoticeStore((s) => s.error)
  const edit = useNoticeStore((s) => s.edit)
  const showPreview = useNoticeStore((s) => s.showPreview)
  const send = useNoticeStore((s) => s.send)
  const reset = useNoticeStore((s) => s.reset)
  // The result replaces a long form: show it from the top.
  useEffect(() => {
    if (sent) void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 })
  }, [sent])

  if (sent)
    return (
      <Section title='通知已发布'>
        <View className='notice__result' {...testId('notice-result')}>
          <Text className='notice__result-line'>{`${sent.branchCount} 个支部的 ${sent.recipientCount} 人已在“消息”中收到。`}</Text>
          <Text className='notice__result-line'>{sentText(sent)}</Text>
        </View>
        <Button type='plain' block onClick={reset} {...testId('notice-new')}>
          再写一条
        </Button>
      </Section>
    )

  const roleLabels = NOTICE_ROLE_OPTIONS.filter((o) => draft.roles.includes(o.value)).map((o) => o.label)
  return (
    <View className='notice' {...testId('notice-composer')}>
      <Section title='发给谁'>
        <Segments
          options={[
            { value: 'all', label: '全部支部' },
            { value: 'chosen', label: '指定支部' },
          ]}
          value={draft.scope}
          onChange={(scope) => edit({ scope })}
          id='notice-scope'
        />
        {draft.scope === 'chosen' ? <BranchPicker draft={draft} /> : null}
        {errors.branches ? (
          <Text className='field__error' {...testId('notice-error-branches')}>
            {errors.branches}
          </Text>
        ) : null}
        <View className='notice__roles' />
        <Field label='接收角色' error={errors.roles} errorId='notice-error-roles'>
          <View className='chips'>
            {NOTICE_ROLE_OPTIONS.map((o) => {
              const on = roleLabels.includes(o.label)
              return (
                <Text
                  key={o.value}
                  className={`chips__chip ${on ? 'chips__chip--on' : ''}`}
                  onClick={() => edit({ roles: on ? draft.roles.filter((r) => r !== o.value) : [...draft.roles, o.value] })}
                  {...testId(`notice-role-${o.value}`)}
                >
                  {on ? '✓ ' : ''}
                  {o.label}
                </Text>
              )
            })}
          </View>
        </Field>
        <Text className='notice__hint' {...testId('notice-audience')}>
          {audienceText(draft)}
        </Text>
      </Section>
      <Section title='通知内容'>
        <Field label='标题' error={errors.title} errorId='notice-error-title'>
          <TextInput value={draft.title} onChange={(title) => edit({ title })} placeholder='例如：关于开展七一主题党日活动的通知' maxlength={NOTICE_TITLE_MAX + 20} id='notice-title' />
          <Counter n={draft.title.trim().length} max={NOTICE_TITLE_MAX} />
        </Field>
        <Field label='正文' error={errors.body} errorId='notice-error-body'>
          <TextInput value={draft.body} onChange={(body) => edit({ body })} placeholder='通知的具体内容、时间和要求' maxlength={NOTICE_BODY_MAX + 200} multiline id='notice-body' />
          <Counter n={draft.body.trim().length} max={NOTICE_BODY_MAX} />
        </Field>
      </Section>
      {preview ? <Preview draft={draft} reach={preview} /> : null}
      {error ? (
        <Text className='notice__error' {...testId('notice-error')}>
          {error}
        </Text>
      ) : null}
      <View className='notice__actions'>
        {preview ? (
          <Button type='primary' size='large' block loading={busy === 'send'} onClick={() => void send()} {...testId('notice-send')}>
            {`发送给 ${preview.recipientCount} 人`}
          </Button>
        ) : (
          <Button type='primary' size='large' block loading={busy === 'preview'} onClick={() => void showPreview()} {...testId('notice-preview-button')}>
            预览
          </Button>
        )}
      </View>
    </View>
  )
}
