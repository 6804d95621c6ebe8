/**
 * The sending branch's steps on a letter (secretary, 组织委员, committee; docs/transfers.md): print the 介绍信 (.docx,
 * opened in WeChat by Taro.cloud.downloadFile + openDocument, a download button in the browser: LetterFile), withdraw it while
 * not yet accepted (撤回), and for a letter to outside record that the other side sent it back (对方退回).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Field, Segments, TextInput } from '../../../../components/form'
import { DateField } from '../../../../components/pickers'
import { Section } from '../../../../components/section'
import { LetterFile } from '../../../../features/transfers/components/letter-file'
import { useTransferStore, type LetterFacts } from '../../../../features/transfers/store'
import { testId } from '../../../../lib/test-id'
import { todayInShanghai } from '../../../../lib/time'

/** 打印介绍信: what the roster does not keep may be given for the print (not stored); left blank, it is written by hand. */
export function PrintLetter() {
  const s = useTransferStore()
  const [idNumber, setIdNumber] = useState('')
  const [ethnicity, setEthnicity] = useState('')
  const [gender, setGender] = useState<'' | '男' | '女'>('')
  const [age, setAge] = useState('')
  const [error, setError] = useState<string | null>(null)
  const make = () => {
    const id = idNumber.trim().toUpperCase()
    if (id && !/^\d{17}[\dX]$/.test(id)) return setError('身份证号码应为 18 位（最后一位可为 X）')
    const years = age.trim() ? Number(age.trim()) : undefined
    if (years !== undefined && (!Number.isInteger(years) || years < 16 || years > 120)) return setError('年龄应为 16 至 120 的整数')
    setError(null)
    const facts: LetterFacts = { ...(id ? { idNumber: id } : { ...(gender ? { gender } : {}), ...(years ? { age: years } : {}) }), ...(ethnicity.trim() ? { ethnicity: ethnicity.trim() } : {}) }
    void s.print(facts)
  }
  return (
    <Section title='打印介绍信'>
      <Text className='transfer__hint'>生成 Word 文件（A4 一页：存根、介绍信、回执），打开后打印、盖章。花名册不记录以下信息，可在此填写（只用于本次打印，不保存）；不填则留空，打印后手写。</Text>
      <Field label='身份证号码（可不填）' hint='填写后自动得出性别和年龄'>
        <TextInput id='letter-id' value={idNumber} onChange={setIdNumber} maxlength={18} />
      </Field>
      {!idNumber.trim() ? (
        <Field label='性别（可不填）'>
          <Segments<'' | '男' | '女'> id='letter-gender' value={gender} onChange={setGender} options={[{ value: '男', label: '男' }, { value: '女', label: '女' }, { value: '', label: '不填' }]} />
        </Field>
      ) : null}
      <View className='transfer__row'>
        <Field label='民族（可不填）'>
          <TextInput id='letter-ethnicity' value={ethnicity} onChange={setEthnicity} maxlength={10} placeholder='如：汉族' />
        </Field>
        {!idNumber.trim() ? (
          <Field label='年龄（可不填）'>
            <TextInput id='letter-age' type='number' value={age} onChange={setAge} maxlength={3} />
          </Field>
        ) : null}
      </View>
      {error || s.printError ? (
        <Text className='transfer__error' {...testId('letter-error')}>
          {error ?? s.printError}
        </Text>
      ) : null}
      <Button type={s.letter ? 'plain' : 'primary'} block loading={s.printing} onClick={make} {...testId('transfer-print')}>
        {s.letter ? '重新生成' : '生成介绍信（Word）'}
      </Button>
      {s.letter ? (
        <View className='transfer__file' {...testId('letter-ready')}>
          <Text className='transfer__meta' {...testId('letter-name')}>
            {s.letter.fileName}
          </Text>
          <LetterFile letter={s.letter} />
        </View>
      ) : null}
    </Section>
  )
}

/** 撤回 (not yet accepted) and, for a letter to outside, 对方退回: each asks for the reason first. */
export function SenderSteps({ memberName, mayWithdraw, maySentBack }: { memberName: string; mayWithdraw: boolean; maySentBack: boolean }) {
  const s = useTransferStore()
  const [open, setOpen] = useState<'withdraw' | 'sentBack' | null>(null)
  const [reason, setReason] = useState('')
  const [on, setOn] = useState(todayInShanghai())
  if (!mayWithdraw && !maySentBack) return null
  const done = (ok: boolean) => {
    if (!ok) return
    setOpen(null)
    setReason('')
  }
  return (
    <Section title='撤回或退回'>
      {open === null ? (
        <>
          <Text className='transfer__hint'>撤回或登记退回后，{memberName}回到本支部花名册（支委职务需重新设定），介绍信作废，办理记录保留。</Text>
          <View className='transfer__row'>
            {mayWithdraw ? (
              <Button type='plain' onClick={() => setOpen('withdraw')} {...testId('transfer-withdraw')}>
                撤回介绍信
              </Button>
            ) : null}
            {maySentBack ? (
              <Button type='plain' onClick={() => setOpen('sentBack')} {...testId('transfer-sent-back')}>
                登记对方退回
              </Button>
            ) : null}
          </View>
        </>
      ) : (
        <>
          {open === 'sentBack' ? (
            <Field label='退回日期'>
              <DateField id='sent-back-date' value={on} onChange={setOn} />
            </Field>
          ) : null}
          <Field label={open === 'withdraw' ? '撤回原因' : '对方退回的原因'}>
            <TextInput id='sender-reason' value={reason} onChange={setReason} maxlength={200} placeholder={open === 'withdraw' ? '如：本人暂缓调动' : '如：介绍信姓名有误'} />
          </Field>
          <View className='transfer__row'>
            <Button
              type='primary'
              loading={s.busy === open}
              onClick={() => void (open === 'withdraw' ? s.withdraw(reason.trim()) : s.sentBack(reason.trim(), on)).then(done)}
              {...testId('sender-confirm')}
            >
              {open === 'withdraw' ? '确认撤回' : '确认退回'}
            </Button>
            <Button type='plain' onClick={() => setOpen(null)}>
              取消
            </Button>
          </View>
        </>
      )}
    </Section>
  )
}
