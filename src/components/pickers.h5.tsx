/** H5's pickers: native select and date inputs (phone browsers show their own pickers). */
import { formatDay } from '../lib/time'
import './pickers.scss'

export interface Option<T extends string> {
  value: T
  label: string
}

export function SelectField<T extends string>({ value, options, onChange, id }: { value: T; options: Option<T>[]; onChange(v: T): void; placeholder?: string; id?: string }) {
  return (
    <select className='picker-field picker-field--native' data-testid={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  )
}

type FieldProps = { value: string; onChange(v: string): void; placeholder?: string; id?: string; className?: string }

/**
 * A native date or time input under the app's own words: the browser draws the value in its own locale (12/03/2026,
 * 02:30 PM in an English Chrome) and its look cannot be set, so the field shows `text` and the native input lies over
 * the whole field, transparent: a tap still opens the phone's own picker (a click on a desk, through showPicker), the
 * keyboard and screen readers still reach it, and tests still fill it by its test id (the text: `<id>-text`).
 */
function OverlayField({ type, value, onChange, id, text, placeholder, className = 'picker-field' }: FieldProps & { type: 'date' | 'time'; text: string; placeholder: string }) {
  const label = value ? text : placeholder
  return (
    <label className={`${className} date-field`}>
      <span className={value ? 'date-field__text' : 'date-field__text picker-field__placeholder'} data-testid={id ? `${id}-text` : undefined} aria-hidden='true'>
        {label}
      </span>
      <span className='picker-field__arrow' aria-hidden='true'>
        ›
      </span>
      <input
        className='date-field__input'
        type={type}
        data-testid={id}
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onClick={(e) => {
          try {
            ;(e.currentTarget as HTMLInputElement & { showPicker?: () => void }).showPicker?.()
          } catch {
            // Already open, or the browser refuses outside a tap: its own behaviour stays.
          }
        }}
      />
    </label>
  )
}

/**
 * The one date field of every H5 form (the activity form's too: features/activities/components/form-controls.h5.tsx),
 * the date as the app writes it (2026年12月3日, lib/time.ts formatDay). `className`: the field's box (picker-field
 * here, form-control in the activity form).
 */
export function DateField({ placeholder = '请选择日期', ...p }: FieldProps) {
  return <OverlayField {...p} type='date' text={formatDay(p.value)} placeholder={placeholder} />
}

/** A time of day, 24-hour as the app writes it (14:30; the browser's own input said 02:30 PM). */
export function TimeField({ placeholder = '请选择时间', ...p }: FieldProps) {
  return <OverlayField {...p} type='time' text={p.value} placeholder={placeholder} />
}

/** A calendar month (YYYY-MM): the browser's month input. */
export function MonthField({ value, onChange, id, start, end }: { value: string; onChange(v: string): void; placeholder?: string; id?: string; start?: string; end?: string }) {
  return <input className='picker-field picker-field--native' type='month' data-testid={id} value={value} min={start} max={end} onChange={(e) => e.target.value && onChange(e.target.value)} />
}
