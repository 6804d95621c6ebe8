/**
 * One member: the card everyone allowed may read; for the secretary (and the committee) editing, 支委职务 and
 * 党小组长, 转出 with a confirmation, and — for the branch's secretary — handing the secretary's post over.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { COMMITTEE_POSTS, PARTY_STATUSES, PARTY_STATUS_LABELS, ROLE_LABELS, type CommitteePost, type MemberSummary, type PartyStatus } from '../../../../types/domain'
import { dateText } from '../../../../types/time-text'
import { Button } from '../../../components/button'
import { Chips, ConfirmAction, Field, Segments, TextInput } from '../../../components/form'
import { DateField, SelectField } from '../../../components/pickers'
import { Section } from '../../../components/section'
import { todayInShanghai } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { useMemberStore } from '../member-store'
import { validateMemberForm, validateTransfer, type MemberFormErrors, type MemberFormValues } from '../validate'
import './member-detail.scss'

type Groups = { id: string; name: string }[]

/**
 * 加入本支部: the day the member belongs to the branch from (joined the party in it, or transferred in; roster.ts
 * rosterAsOf) — not always a 转入. A day before the branch's 启用日期 (a branch that existed before the app) says so.
 */
export function joinedBranchText(joinedBranchOn: string | null | undefined, branchStartedOn?: string | null): string {
  if (!joinedBranchOn) return '未填写'
  return branchStartedOn && joinedBranchOn < branchStartedOn ? `${dateText(joinedBranchOn)}（启用前）` : dateText(joinedBranchOn)
}

export function MemberCard({ m, branchStartedOn }: { m: MemberSummary; branchStartedOn?: string | null }) {
  const out = m.state === 'transferred'
  return (
    <View className={`member-card ${out ? 'member-card--out' : ''}`} {...testId('member-card')}>
      <View className='member-card__head'>
        <Text className='member-card__name' {...testId('member-name')}>
          {m.name}
        </Text>
        <Text className='member-card__status'>{PARTY_STATUS_LABELS[m.partyStatus]}</Text>
      </View>
      <Row label='职务' value={[...m.roles.filter((r) => r !== 'member').map((r) => ROLE_LABELS[r]), ...m.posts].join('、') || '党员'} />
      <Row label='党小组' value={m.groupName ? `${m.groupName}${m.groupLeader ? '（组长）' : ''}` : '未分组'} />
      <Row label='入党日期' value={m.joinedPartyOn ? dateText(m.joinedPartyOn) : '未填写'} />
      <Row label='转正日期' value={m.confirmedOn ? dateText(m.confirmedOn) : m.partyStatus === 'probationary' ? '预备期中' : '未填写'} />
      <Row label='加入本支部' value={joinedBranchText(m.joinedBranchOn, branchStartedOn)} id='member-joined-branch-on' />
      <Row label='手机' value={m.phoneMasked ?? '未填写'} />
      <Row label='微信' value={m.bound ? '已绑定' : '未绑定'} />
      {out ? (
        <Text className='member-card__out' {...testId('member-transferred')}>
          已于 {m.transferredOn ? dateText(m.transferredOn) : '—'} 转出{m.transferReason ? `：${m.transferReason}` : ''}
        </Text>
      ) : null}
    </View>
  )
}

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='member-card__row'>
      <Text className='member-card__label'>{label}</Text>
      <Text className='member-card__value' {...(id ? testId(id) : {})}>
        {value}
      </Text>
    </View>
  )
}

export function MemberEditor({ groups, onChanged }: { groups: Groups; onChanged(m: MemberSummary): void }) {
  const m = useMemberStore((s) => s.member)
  const update = useMemberStore((s) => s.update)
  const [open, setOpen] = useState(false)
  const [v, setV] = useState<MemberFormValues | null>(null)
  const [errors, setErrors] = useState<MemberFormErrors & { form?: string }>({})
  const [busy, setBusy] = useState(false)
  if (!m) return null
  if (!open || !v)
    return (
      <Button
        block
        onClick={() => {
          setV({ name: m.name, partyStatus: m.partyStatus, joinedPartyOn: m.joinedPartyOn ?? '', confirmedOn: m.confirmedOn ?? '', joinedBranchOn: m.joinedBranchOn ?? '', groupId: m.groupId ?? '', phone: '' })
          setErrors({})
          setOpen(true)
        }}
        {...testId('member-edit')}
      >
        编辑党员信息
      </Button>
    )
  const set = <K extends keyof MemberFormValues>(k: K, x: MemberFormValues[K]) => {
    setV({ ...v, [k]: x })
    setErrors({ ...errors, [k]: undefined, form: undefined })
  }
  const save = async () => {
    const found = validateMemberForm(v, todayInShanghai())
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      const phone = v.phone.replace(/\s+/g, '')
      const next = await update({
        ...(v.name.trim() !== m.name ? { name: v.name.trim() } : {}),
        partyStatus: v.partyStatus,
        joinedPartyOn: v.joinedPartyOn || null,
        confirmedOn: v.confirmedOn || null,
        ...(v.joinedBranchOn ? { joinedBranchOn: v.joinedBranchOn } : {}),
        groupId: v.groupId || null,
        ...(phone ? { phone } : {}),
      })
      onChanged(next)
      setOpen(false)
    } catch (e) {
      setErrors({ form: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View {...testId('member-form')}>
      <Field label='姓名' error={errors.name} errorId='member-name-error'>
        <TextInput id='member-name-input' value={v.name} onChange={(x) => set('name', x)} maxlength={20} />
      </Field>
      <Field label='党员状态'>
        <Segments<PartyStatus> id='member-status' options={PARTY_STATUSES.map((p) => ({ value: p, label: PARTY_STATUS_LABELS[p] }))} value={v.partyStatus} onChange={(x) => set('partyStatus', x)} />
      </Field>
      <Field label='入党日期' error={errors.joinedPartyOn}>
        <DateField id='member-joined' value={v.joinedPartyOn} onChange={(x) => set('joinedPartyOn', x)} />
      </Field>
      <Field label='转正日期' error={errors.confirmedOn} errorId='member-confirmed-error'>
        <DateField id='member-confirmed' value={v.confirmedOn} onChange={(x) => set('confirmedOn', x)} />
      </Field>
      <Field label='转入本支部日期' error={errors.joinedBranchOn} hint='此日期之前的会议不把该党员计入应到人数；默认是加入小程序的日期，补录历史时请改为实际转入日期'>
        <DateField id='member-joined-branch' value={v.joinedBranchOn ?? ''} onChange={(x) => set('joinedBranchOn', x)} />
      </Field>
      <Field label='党小组'>
        <SelectField id='member-group' value={v.groupId} options={[{ value: '', label: '不分组' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} onChange={(x) => set('groupId', x)} />
      </Field>
      <Field label='手机号' error={errors.phone} errorId='member-phone-error' hint={m.phoneMasked ? `现为 ${m.phoneMasked}，留空则不修改` : '留空则不填'}>
        <TextInput id='member-phone' type='number' value={v.phone} onChange={(x) => set('phone', x)} maxlength={11} placeholder='11 位手机号' />
      </Field>
      {errors.form ? <Text className='member-detail__error'>{errors.form}</Text> : null}
      <View className='member-detail__actions'>
        <Button onClick={() => setOpen(false)}>取消</Button>
        <Button type='primary' loading={busy} onClick={save} {...testId('member-save')}>
          保存
        </Button>
      </View>
    </View>
  )
}

export function PostsEditor({ onChanged }: { onChanged(m: MemberSummary): void }) {
  const m = useMemberStore((s) => s.member)
  const setPosts = useMemberStore((s) => s.setPosts)
  const [posts, setPostsValue] = useState<CommitteePost[]>(() => (m?.posts ?? []).filter((p): p is CommitteePost => (COMMITTEE_POSTS as readonly string[]).includes(p)))
  const [leader, setLeader] = useState(m?.groupLeader ?? false)
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  if (!m) return null
  return (
    <View {...testId('posts-form')}>
      <Field label='支委职务（可多选）'>
        <Chips id='post' options={COMMITTEE_POSTS} value={posts} onChange={(x) => (setPostsValue(x), setMsg(null))} />
      </Field>
      <Field label='党小组长' hint={m.groupId ? undefined : '先把党员编入党小组，才能担任组长'}>
        <Segments
          id='group-leader'
          options={[
            { value: 'no', label: '否' },
            { value: 'yes', label: '是' },
          ]}
          value={leader ? 'yes' : 'no'}
          onChange={(x) => (setLeader(x === 'yes'), setMsg(null))}
        />
      </Field>
      {msg ? <Text className={msg.ok ? 'member-detail__ok' : 'member-detail__error'}>{msg.text}</Text> : null}
      <Button
        type='primary'
        block
        loading={busy}
        onClick={async () => {
          if (leader && !m.groupId) return setMsg({ ok: false, text: '该党员还没有编入党小组，不能设为组长' })
          setBusy(true)
          try {
            onChanged(await setPosts(posts, leader))
            setMsg({ ok: true, text: '职务已保存' })
          } catch (e) {
            setMsg({ ok: false, text: (e as Error).message })
          } finally {
            setBusy(false)
          }
        }}
        {...testId('posts-save')}
      >
        保存职务
      </Button>
    </View>
  )
}

export function TransferOut({ onChanged }: { onChanged(m: MemberSummary): void }) {
  const m = useMemberStore((s) => s.member)
  const transferOut = useMemberStore((s) => s.transferOut)
  const [on, setOn] = useState(todayInShanghai())
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ on?: string; reason?: string }>({})
  if (!m || m.state === 'transferred') return null
  const found = validateTransfer(on, reason, todayInShanghai())
  return (
    <View {...testId('transfer-form')}>
      <Field label='转出日期' error={errors.on}>
        <DateField id='transfer-date' value={on} onChange={(x) => (setOn(x), setErrors({}))} />
      </Field>
      <Field label='转出原因' error={errors.reason} errorId='transfer-reason-error'>
        <TextInput id='transfer-reason' value={reason} onChange={(x) => (setReason(x), setErrors({}))} placeholder='例如：工作调动，组织关系转至某单位' maxlength={100} />
      </Field>
      <Text className='member-detail__hint'>转出后，{m.name}不能再查看本支部的资料；过去的活动记录仍保留其姓名。</Text>
      {Object.keys(found).length ? (
        <Button type='plain' block onClick={() => setErrors(found)} {...testId('transfer-out')}>
          转出
        </Button>
      ) : (
        <ConfirmAction
          id='transfer-out'
          label='转出'
          question={`确定将${m.name}于 ${on} 转出本支部吗？`}
          confirmLabel='确认转出'
          onConfirm={async () => onChanged(await transferOut(on, reason))}
        />
      )}
    </View>
  )
}

export function HandOverSecretary({ onChanged }: { onChanged(m: MemberSummary): void }) {
  const m = useMemberStore((s) => s.member)
  const handOver = useMemberStore((s) => s.handOver)
  if (!m || m.state !== 'active' || m.roles.includes('secretary')) return null
  return (
    <View>
      <Text className='member-detail__hint'>{m.bound ? `移交后${m.name}成为支部书记，你将不再担任书记（仍是本支部党员）。` : `${m.name}尚未用微信加入，移交后需其加入才能使用书记功能。`}</Text>
      <ConfirmAction id='handover' label={`移交书记职务给${m.name}`} question={`确定把支部书记职务移交给${m.name}吗？此操作会立即生效。`} confirmLabel='确认移交' onConfirm={async () => onChanged(await handOver())} />
    </View>
  )
}

/** Sections of the member page, composed by role. */
export function MemberManage({ groups, canEdit, isSecretary, onChanged }: { groups: Groups; canEdit: boolean; isSecretary: boolean; onChanged(m: MemberSummary): void }) {
  const m = useMemberStore((s) => s.member)
  if (!m || !canEdit) return null
  if (m.state === 'transferred') return null
  return (
    <>
      <Section title='党员信息'>
        <MemberEditor groups={groups} onChanged={onChanged} />
      </Section>
      <Section title='支委职务与党小组长'>
        <PostsEditor key={m.id} onChanged={onChanged} />
      </Section>
      <Section title='组织关系转出'>
        {/* 组织关系转接 (src/packages/transfers): the 介绍信, accepted by the receiving branch or returned with its 回执. */}
        <Button type='primary' block onClick={() => void Taro.navigateTo({ url: `/packages/transfers/pages/issue/index?memberId=${m.id}` })} {...testId('open-transfer-issue')}>
          开具组织关系介绍信
        </Button>
        <Text className='member-detail__hint'>转往其他支部或党组织，请开具介绍信。下面仅登记已在线下办结的转出。</Text>
        <TransferOut onChanged={onChanged} />
      </Section>
      {isSecretary ? (
        <Section title='移交书记职务'>
          <HandOverSecretary onChanged={onChanged} />
        </Section>
      ) : null}
    </>
  )
}
