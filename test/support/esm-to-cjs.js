/**
 * A jest transform for ES-module-only packages that jest's CommonJS runtime cannot load: unpdf's serverless PDF.js
 * build (dist/pdfjs.mjs, export syntax and one import.meta in a canvas factory text extraction never calls).
 * esbuild rewrites it to CommonJS, as scripts/build-cloud.ts does when it bundles the api function.
 */
const { transformSync } = require('esbuild')

module.exports = {
  process(source, filename) {
    const { code } = transformSync(source, { format: 'cjs', loader: 'js', target: 'node20', sourcefile: filename, logLevel: 'silent' })
    return { code }
  },
}
