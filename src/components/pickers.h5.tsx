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

/**
 * The one date field of every H5 form (the activity form's too: features/activities/components/form-controls.h5.tsx).
 * The browser's own date input draws the date in the browser's locale (12/03/2026 in an English Chrome) and its look
 * cannot be set, so the field shows the date as the app writes it (2026年12月3日, lib/time.ts formatDay) and the
 * native input lies over the whole field, transparent: a tap still opens the phone's own date picker (a click on a
 * desk, through showPicker), the keyboard and screen readers still reach it, and tests still fill it by its test id.
 * `className`: the field's box (picker-field here, form-control in the activity form).
 */
export function DateField({ value, onChange, id, placeholder = '请选择日期', className = 'picker-field' }: { value: string; onChange(v: string): void; placeholder?: string; id?: string; className?: string }) {
  const label = value ? formatDay(value) : placeholder
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
        type='date'
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

/** A calendar month (YYYY-MM): the browser's month input. */
export function MonthField({ value, onChange, id, start, end }: { value: string; onChange(v: string): void; placeholder?: string; id?: string; start?: string; end?: string }) {
  return <input className='picker-field picker-field--native' type='month' data-testid={id} value={value} min={start} max={end} onChange={(e) => e.target.value && onChange(e.target.value)} />
}
