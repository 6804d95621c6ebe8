/**
 * The fields of one payment — 实缴, 少缴原因, 缴纳日期, 方式 — shared by 记录交纳 (DuesRecordForm) and the correction of a
 * recorded month (DuesCorrectionForm in member-dues.tsx). The forms keep their state and validation; this renders the
 * fields and says which field changed so the form clears that field's error (and the general one).
 */
import { DUES_WAY_LABELS, type DuesWay } from '../../../../types/dues'
import { Field, Segments, TextInput } from '../../../components/form'
import { DateField } from '../../../components/pickers'

const WAYS = (['cash', 'transfer', 'proxy'] as const).map((w) => ({ value: w, label: DUES_WAY_LABELS[w] }))

export type PaymentValues = { amount: string; paidOn: string; way: DuesWay; reason: string }

export function PaymentFields({
  idPrefix,
  amount,
  reason,
  values,
  set,
  changed,
}: {
  /** Test ids: `${idPrefix}-amount`, `-amount-error`, `-paid-on`, `-way`. */
  idPrefix: string
  /** The 实缴 field, or null when there is none (a month recorded without an amount). */
  amount: { label: string; hint?: string; error?: string } | null
  /** The 少缴原因 field: its test id (its error's is `${id}-error`), whether it shows, and where (after 实缴 or last). */
  reason: { id: string; show: boolean; error?: string; afterAmount: boolean }
  values: PaymentValues
  set: { [K in keyof PaymentValues]: (v: PaymentValues[K]) => void }
  /** 实缴 changed: 'amount' then 'reason' (少缴原因 depends on it); 少缴原因: 'reason'; the date or the way: null. */
  changed(field: 'amount' | 'reason' | null): void
}) {
  const reasonField = reason.show ? (
    <Field label='少缴原因' error={reason.error} errorId={`${reason.id}-error`}>
      <TextInput
        id={reason.id}
        value={values.reason}
        onChange={(v) => {
          set.reason(v)
          changed('reason')
        }}
        maxlength={200}
        placeholder='例如：经支委会同意，因病减缴'
      />
    </Field>
  ) : null
  return (
    <>
      {amount ? (
        <Field label={amount.label} hint={amount.hint} error={amount.error} errorId={`${idPrefix}-amount-error`}>
          <TextInput
            id={`${idPrefix}-amount`}
            type='digit'
            value={values.amount}
            onChange={(v) => {
              set.amount(v)
              changed('amount')
              changed('reason')
            }}
            maxlength={10}
          />
        </Field>
      ) : null}
      {reason.afterAmount ? reasonField : null}
      <Field label='缴纳日期'>
        <DateField
          id={`${idPrefix}-paid-on`}
          value={values.paidOn}
          onChange={(v) => {
            set.paidOn(v)
            changed(null)
          }}
        />
      </Field>
      <Field label='方式'>
        <Segments<DuesWay>
          id={`${idPrefix}-way`}
          value={values.way}
          onChange={(w) => {
            set.way(w)
            changed(null)
          }}
          options={WAYS}
        />
      </Field>
      {reason.afterAmount ? null : reasonField}
    </>
  )
}
