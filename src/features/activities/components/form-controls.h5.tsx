/** H5's controls for the activity form: native select/date/time inputs (phone browsers show their own pickers). */
import { ACTIVITY_TYPES, ACTIVITY_TYPE_INFO, type ActivityType } from '../../../../types/domain'
import { DateField as SharedDateField, TimeField as SharedTimeField } from '../../../components/pickers'

export interface ControlProps<T> {
  value: T
  onChange(value: T): void
  /** H5 test hook (defaults per control). */
  id?: string
  placeholder?: string
}

export function TypeSelect({ value, onChange }: ControlProps<ActivityType>) {
  return (
    <select
      className='form-control form-control--native'
      data-testid='activity-type'
      value={value}
      onChange={(e) => onChange(e.target.value as ActivityType)}
    >
      {ACTIVITY_TYPES.map((t) => (
        <option key={t} value={t}>
          {ACTIVITY_TYPE_INFO[t].name}
        </option>
      ))}
    </select>
  )
}

/** The app's one date field (components/pickers.h5.tsx), in this form's box. */
export function DateField({ value, onChange, id = 'activity-date', placeholder }: ControlProps<string>) {
  return <SharedDateField value={value} onChange={onChange} id={id} placeholder={placeholder} className='form-control' />
}

/** The app's one time field (components/pickers.h5.tsx): 14:30, not the browser's 02:30 PM. */
export function TimeField({ value, onChange, id = 'activity-time', placeholder }: ControlProps<string>) {
  return <SharedTimeField value={value} onChange={onChange} id={id} placeholder={placeholder} className='form-control' />
}

/** Brings a field into view (centred) and focuses its input, so a refused save lands the finger on the first error. */
export function revealField(anchor: string) {
  const box = document.getElementById(anchor)
  if (!box) return
  box.scrollIntoView({ block: 'center', behavior: 'smooth' })
  const input = box.querySelector<HTMLElement>('input, textarea, select')
  input?.focus({ preventScroll: true })
}
