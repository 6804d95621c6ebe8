/**
 * A .docx built in the test: the minimal OOXML parts written into a zip with jszip (already installed as mammoth's own
 * dependency), each paragraph split into several runs the way Word stores edited text.
 */
import JSZip from 'jszip'

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function run(text: string): string {
  return `<w:r><w:rPr><w:rFonts w:ascii="仿宋" w:eastAsia="仿宋"/></w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`
}

/** A paragraph in runs of at most 17 characters, as Word splits text that was edited or formatted in pieces. */
function paragraph(text: string): string {
  const runs: string[] = []
  for (let i = 0; i < text.length; i += 17) runs.push(run(text.slice(i, i + 17)))
  return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs.join('')}</w:p>`
}

export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  )
  const body = paragraphs.map(paragraph).join('')
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  )
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

