/**
 * H5 under the local cloud only: choose which seeded person the browser speaks as (X-Dev-OpenId). The choice is
 * kept in localStorage; the session reloads after a change.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, type Role } from '../../../../types/domain'
import { getDevOpenId, listDevIdentities, setDevOpenId, type DevIdentity } from '../../../services/dev-identity'
import { useSessionStore } from '../store'
import './dev-identity-picker.scss'

export function DevIdentityPicker({ onChanged }: { onChanged?: () => void }) {
  const [items, setItems] = useState<DevIdentity[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [current, setCurrent] = useState<string | null>(getDevOpenId())
  const load = useSessionStore((s) => s.load)
  const reset = useSessionStore((s) => s.reset)

  useEffect(() => {
    listDevIdentities()
      .then(setItems)
      .catch(() => setError('未连接本地云（/dev/identities 不可用）'))
  }, [])

  const choose = (openid: string) => {
    setDevOpenId(openid)
    setCurrent(openid)
    reset()
    void load()
    onChanged?.()
  }

  return (
    <View className='dev-ids' data-testid='dev-identities'>
      <Text className='dev-ids__title'>开发身份（仅本地云 H5）</Text>
      {error ? <Text className='dev-ids__error'>{error}</Text> : null}
      {items === null && !error ? <Text className='dev-ids__hint'>正在读取…</Text> : null}
      {items?.map((it) => (
        <View
          key={it.openid}
          className={`dev-ids__item ${current === it.openid ? 'dev-ids__item--on' : ''}`}
          data-testid={`dev-identity-${it.openid}`}
          onClick={() => choose(it.openid)}
        >
          <Text className='dev-ids__name'>{it.name}</Text>
          <Text className='dev-ids__roles'>
            {it.roles.length ? it.roles.map((r) => ROLE_LABELS[r.role as Role] ?? r.role).join('、') : '尚未加入'}
          </Text>
        </View>
      ))}
    </View>
  )
}
