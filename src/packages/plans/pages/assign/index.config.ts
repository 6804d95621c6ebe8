export default definePageConfig({ navigationBarTitleText: '下发工作要点' })
