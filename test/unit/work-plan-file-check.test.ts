/**
 * The import page's check before uploading a plan file (src/features/work-plans/logic.ts): the four formats pass,
 * old Office formats, other files, empty and oversized files are refused with a message, so nothing is uploaded.
 */
import { checkPlanFile, MAX_PLAN_FILE_MB } from '../../src/features/work-plans/logic'

test('the four formats pass, with the extension the upload keeps', () => {
  expect(['计划.docx', '红头.PDF', '任务分解表.xlsx', 'plan.txt'].map((n) => checkPlanFile(n, 1000))).toEqual([{ ext: 'docx' }, { ext: 'pdf' }, { ext: 'xlsx' }, { ext: 'txt' }])
})

test('each refusal says why and what to do', () => {
  expect(checkPlanFile('旧计划.doc', 1000)).toEqual({ refusal: '不支持旧版 .doc 文件，请在 Word、Excel 或 WPS 中另存为 .docx 或 .xlsx 后再选择。' })
  expect(checkPlanFile('照片.jpg', 1000)).toEqual({ refusal: '不支持 .jpg 文件，请选择 Word（.docx）、PDF、Excel（.xlsx）或 .txt 文件。' })
  expect(checkPlanFile('计划.pdf', 0)).toEqual({ refusal: '文件是空的，请重新选择。' })
  expect(checkPlanFile('计划.pdf', MAX_PLAN_FILE_MB * 1024 * 1024 + 1)).toEqual({ refusal: `文件超过 ${MAX_PLAN_FILE_MB} MB，请删去其中的图片后再选择。` })
  expect(checkPlanFile('计划.pdf', MAX_PLAN_FILE_MB * 1024 * 1024)).toEqual({ ext: 'pdf' })
})
