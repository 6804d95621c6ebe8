/** The mini-program has no dev identities: identity comes from WeChat. See dev-identity-picker.h5.tsx. */
export function DevIdentityPicker(_props: { onChanged?: () => void }) {
  return null
}
