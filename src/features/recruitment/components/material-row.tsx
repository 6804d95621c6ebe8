/**
 * One item of a person's materials checklist (入党申请书, 思想汇报, 政审 …): done or not, and for the secretary, the
 * 组织委员 and the committee its files by name — a tap opens one (a photo full screen, a document in the viewer),
 * 删除 removes one after asking (the removal goes into the person's history) — and the picker for more. Another
 * reader sees only how many files there are.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { testId } from '../../../lib/test-id'
import { dateText } from '../../../../types/time-text'
import { SINGLE_DOCUMENT_MATERIALS, type MaterialKey } from '../../../../types/recruitment'
import type { MaterialFile, RecruitDetail } from '../api'
import { openMaterialFile, useMaterialUploads, useRecruitFile } from '../hooks'
import { MaterialPicker } from './material-picker'

type Material = RecruitDetail['materials'][number]
const MAX_FILES = 30

export function MaterialRow({ m, detail, keeper, file, upload, onRefused }: { m: Material; detail: RecruitDetail; keeper: boolean; file: ReturnType<typeof useRecruitFile>; upload: ReturnType<typeof useMaterialUploads>; onRefused(message: string | null): void }) {
  const [opening, setOpening] = useState<string | null>(null)
  const status = m.done ? (m.on ? `${dateText(m.on)}齐备` : '已齐备') : '未齐备'
  const open = async (f: MaterialFile) => {
    setOpening(f.fileID)
    onRefused(await openMaterialFile(detail.id, f))
    setOpening(null)
  }
  const remove = async (f: MaterialFile) => {
    const { confirm } = await Taro.showModal({ title: '删除附件', content: `删除「${f.name}」？删除后文件不能恢复，档案历史中会记下这次删除。`, confirmText: '删除', confirmColor: '#c8161d', cancelText: '取消' })
    if (confirm) await file.detach({ recruitId: detail.id, key: m.key, fileID: f.fileID, version: detail.version })
  }
  return (
    <View className='recruit-material' {...testId(`material-${m.key}`)}>
      <View className='recruit-material__head'>
        <Text className='recruit-material__title'>{m.done ? '✓ ' : '○ '}{m.title}</Text>
        <Text className='recruit-material__meta'>{m.hidden && !keeper ? '个人材料' : status}</Text>
        {keeper ? (
          <Text className='recruit-step__record' onClick={() => void file.setMaterial({ recruitId: detail.id, key: m.key, done: !m.done })} {...testId(`material-toggle-${m.key}`)}>
            {m.done ? '改为未齐备' : '标记齐备'}
          </Text>
        ) : null}
      </View>
      {!keeper && m.fileCount ? <Text className='recruit-material__note'>附件 {m.fileCount} 个（仅支部书记、组织委员和党委可查看）</Text> : null}
      {keeper ? (
        <View className='recruit-material__files' {...testId(`material-files-${m.key}`)}>
          {m.files.map((f) => (
            <View key={f.fileID} className='recruit-file' {...testId(`material-file-${f.name}`)}>
              <Text className={`recruit-file__kind recruit-file__kind--${f.kind}`}>{f.kind === 'image' ? '照片' : '文件'}</Text>
              <Text className='recruit-file__name' onClick={() => void open(f)} {...testId(`open-file-${f.name}`)}>
                {opening === f.fileID ? '正在打开…' : f.name}
              </Text>
              <Text className='recruit-file__remove' onClick={() => void remove(f)} {...testId(`remove-file-${f.name}`)}>
                删除
              </Text>
            </View>
          ))}
          {upload.pending(detail.id, m.key).map((j) => (
            <Text
              key={j.key}
              className={`recruit-material__note ${j.status === 'failed' || (j.status === 'done' && !j.saving) ? 'recruit__error' : ''}`}
              onClick={() => (j.status === 'failed' ? upload.retry(j.key) : j.status === 'done' && !j.saving ? upload.saveAgain(j.key) : undefined)}
            >
              {j.name}：{j.status === 'failed' ? `上传失败（${j.error ?? '请重试'}），点此重试` : j.status === 'done' ? (j.saving ? '已上传，正在保存…' : '已上传，未存入档案，点此保存') : '上传中…'}
            </Text>
          ))}
          {/* A file added never ticks the item (思想汇报 build up over years); a single document (入党申请书, 志愿书 …) is
              offered 标记齐备 once it has a file. */}
          {!m.done && m.files.length && SINGLE_DOCUMENT_MATERIALS.includes(m.key as MaterialKey) ? (
            <View className='recruit-offer' {...testId(`material-offer-${m.key}`)}>
              <Text className='recruit-offer__text'>已添加附件。{m.title}已收齐？</Text>
              <Text className='recruit-step__record' onClick={() => void file.setMaterial({ recruitId: detail.id, key: m.key, done: true })} {...testId(`material-offer-done-${m.key}`)}>
                标记齐备
              </Text>
            </View>
          ) : null}
          <MaterialPicker title={m.title} remaining={MAX_FILES - m.files.length} onPicked={(files) => { if (detail.uploadFolder) upload.add(detail.uploadFolder, detail.id, m.key, files) }} onRefused={onRefused} inputTestId={`material-input-${m.key}`} />
        </View>
      ) : null}
    </View>
  )
}
