export default definePageConfig({ navigationBarTitleText: '记录审核' })
