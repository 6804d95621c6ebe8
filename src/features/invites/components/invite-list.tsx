/** The branch's invitations: code big and copyable, QR image, status, uses, expiry; revoke while active. */
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { ConfirmAction } from '../../../components/form'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { INVITE_STATUS_LABELS, inviteRoleLabel, inviteStatusNow, type Invite } from '../labels'
import { useInvitesStore } from '../store'
import './invites.scss'

export function InviteList({ groups = [] }: { groups?: { id: string; name: string }[] }) {
  const invites = useInvitesStore((s) => s.invites)
  const status = useInvitesStore((s) => s.status)
  const error = useInvitesStore((s) => s.error)
  const branchId = useInvitesStore((s) => s.branchId)
  const load = useInvitesStore((s) => s.load)

  if (status === 'loading' && !invites.length) return <LoadingState />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={() => branchId && load(branchId)} />
  if (!invites.length) return <EmptyState title='还没有邀请码' hint='生成邀请码后发给要加入的人' />
  return (
    <View className='invite-list' {...testId('invite-list')}>
      {invites.map((i) => (
        <InviteCard key={i.code} invite={i} groupName={groups.find((g) => g.id === i.groupId)?.name} />
      ))}
    </View>
  )
}

function InviteCard({ invite, groupName }: { invite: Invite; groupName?: string }) {
  const qr = useInvitesStore((s) => s.qr[invite.code])
  const lastCode = useInvitesStore((s) => s.lastCode)
  const showQr = useInvitesStore((s) => s.showQr)
  const revoke = useInvitesStore((s) => s.revoke)
  const st = inviteStatusNow(invite)
  const active = st === 'active'

  const copy = () => {
    void Taro.setClipboardData({ data: invite.code }).catch(() => undefined)
  }
  const saveQr = async () => {
    if (!qr?.url) return
    if (process.env.TARO_ENV === 'h5') {
      await Taro.previewImage({ urls: [qr.url] }).catch(() => undefined)
      return
    }
    try {
      const { tempFilePath } = await Taro.downloadFile({ url: qr.url })
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
      void Taro.showToast({ title: '已保存到相册', icon: 'success' })
    } catch {
      void Taro.previewImage({ urls: [qr.url] }).catch(() => undefined)
    }
  }

  return (
    <View className={`invite-card ${active ? '' : 'invite-card--off'} ${lastCode === invite.code ? 'invite-card--new' : ''}`} {...testId('invite-item')}>
      <View className='invite-card__head'>
        <Text className='invite-card__role'>
          {inviteRoleLabel(invite)}
          {groupName ? ` · ${groupName}` : ''}
          {invite.requiresApproval ? ' · 需审核' : ''}
          {invite.partyStatus === 'probationary' ? ' · 预备党员' : ''}
        </Text>
        <Text className={`invite-card__status invite-card__status--${st}`} {...testId('invite-status')}>
          {INVITE_STATUS_LABELS[st]}
        </Text>
      </View>
      <Text className='invite-card__code' userSelect selectable {...testId('invite-code')}>
        {invite.code}
      </Text>
      <Text className='invite-card__meta'>
        已用 {invite.uses}/{invite.maxUses} 次 · {formatDateTime(invite.expiresAt)} 到期
      </Text>
      {active ? (
        <View className='invite-card__actions'>
          <Button onClick={copy} {...testId('invite-copy')}>
            复制邀请码
          </Button>
          <Button onClick={() => showQr(invite.code)} loading={qr?.loading} {...testId('invite-qr')}>
            {qr?.url ? '刷新二维码' : '显示二维码'}
          </Button>
        </View>
      ) : null}
      {qr?.error ? <Text className='invite-card__error'>{qr.error}</Text> : null}
      {active && qr?.url ? (
        <View className='invite-card__qr'>
          <Image className='invite-card__qr-img' src={qr.url} mode='aspectFit' showMenuByLongpress onClick={saveQr} {...testId('invite-qr-image')} />
          <Text className='invite-card__meta'>{process.env.TARO_ENV === 'h5' ? '请在微信中扫码加入；点图片可放大' : '长按或点图片保存，发给要加入的人扫码'}</Text>
        </View>
      ) : null}
      {active ? (
        <ConfirmAction id='invite-revoke' label='撤销邀请码' question={`撤销后 ${invite.code} 将不能再使用，确定吗？`} confirmLabel='确认撤销' onConfirm={() => revoke(invite.code)} />
      ) : null}
    </View>
  )
}
