// The list scrolls inside its own virtual list: the page itself does not.
export default definePageConfig({ navigationBarTitleText: '全部活动', disableScroll: true })
