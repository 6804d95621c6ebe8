export default definePageConfig({ navigationBarTitleText: '党费台账' })
