/** H5's pickers: native select and date inputs (phone browsers show their own pickers). */
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

export function DateField({ value, onChange, id }: { value: string; onChange(v: string): void; placeholder?: string; id?: string }) {
  return <input className='picker-field picker-field--native' type='date' data-testid={id} value={value} onChange={(e) => onChange(e.target.value)} />
}

/** A calendar month (YYYY-MM): the browser's month input. */
export function MonthField({ value, onChange, id, start, end }: { value: string; onChange(v: string): void; placeholder?: string; id?: string; start?: string; end?: string }) {
  return <input className='picker-field picker-field--native' type='month' data-testid={id} value={value} min={start} max={end} onChange={(e) => e.target.value && onChange(e.target.value)} />
}
