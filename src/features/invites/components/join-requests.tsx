/** Pending join requests (invitations that need approval): 同意 / 拒绝 (with an optional reason). */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PARTY_STATUS_LABELS, ROLE_LABELS, type PartyStatus } from '../../../../types/domain'
import { Button } from '../../../components/button'
import { TextInput } from '../../../components/form'
import { EmptyState } from '../../../components/states'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import type { JoinRequest } from '../labels'
import { useInvitesStore } from '../store'
import './invites.scss'

const DECIDED = { approved: '已同意', rejected: '已拒绝', pending: '待审核' } as const

export function JoinRequests({ onDecided }: { onDecided?: () => void }) {
  const requests = useInvitesStore((s) => s.requests)
  const error = useInvitesStore((s) => s.requestsError)
  if (error) return <Text className='invite-card__error'>{error}</Text>
  if (!requests.length) return <EmptyState title='没有待审核的申请' />
  return (
    <View {...testId('join-requests')}>
      {requests.map((r) => (
        <RequestRow key={r.id} request={r} onDecided={onDecided} />
      ))}
    </View>
  )
}

function RequestRow({ request, onDecided }: { request: JoinRequest; onDecided?: () => void }) {
  const decide = useInvitesStore((s) => s.decide)
  const [busy, setBusy] = useState<'yes' | 'no' | null>(null)
  const [rejecting, setRejecting] = useState(false)
  // Approving a party member asks which they are: the roster must not make anyone 正式党员 by default.
  const [approving, setApproving] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const act = async (approve: boolean, partyStatus?: PartyStatus) => {
    setBusy(approve ? 'yes' : 'no')
    setError(null)
    try {
      await decide(request.id, approve, approve ? undefined : reason, partyStatus)
      onDecided?.()
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(null)
    }
  }
  return (
    <View className='join-request' {...testId('join-request')}>
      <View className='join-request__head'>
        <Text className='join-request__name'>{request.name}</Text>
        <Text className='join-request__status'>{DECIDED[request.status]}</Text>
      </View>
      <Text className='invite-card__meta'>
        申请成为{ROLE_LABELS[request.role]} · {formatDateTime(request.createdAt)}
        {request.reason ? ` · ${request.reason}` : ''}
      </Text>
      {request.status === 'pending' ? (
        approving ? (
          <View {...testId('join-approve-status')}>
            <Text className='invite-card__meta'>{request.name} 是：</Text>
            <View className='invite-card__actions'>
              <Button onClick={() => setApproving(false)}>取消</Button>
              {(['full', 'probationary'] as const).map((s) => (
                <Button key={s} type='primary' loading={busy === 'yes'} onClick={() => act(true, s)} {...testId(`join-approve-${s}`)}>
                  {PARTY_STATUS_LABELS[s]}
                </Button>
              ))}
            </View>
          </View>
        ) : rejecting ? (
          <View>
            <TextInput id='join-reject-reason' value={reason} onChange={setReason} placeholder='拒绝理由（可不填）' maxlength={100} />
            <View className='invite-card__actions'>
              <Button onClick={() => setRejecting(false)}>取消</Button>
              <Button type='primary' loading={busy === 'no'} onClick={() => act(false)} {...testId('join-reject-confirm')}>
                确认拒绝
              </Button>
            </View>
          </View>
        ) : (
          <View className='invite-card__actions'>
            <Button onClick={() => setRejecting(true)} {...testId('join-reject')}>
              拒绝
            </Button>
            <Button type='primary' loading={busy === 'yes'} onClick={() => (request.role === 'guide' ? act(true) : setApproving(true))} {...testId('join-approve')}>
              同意
            </Button>
          </View>
        )
      ) : null}
      {error ? <Text className='invite-card__error'>{error}</Text> : null}
    </View>
  )
}
