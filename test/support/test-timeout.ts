/**
 * Each slow kind's time limit per test and hook. jest reads `testTimeout` only from the global config, never from a
 * project (a project's testTimeout is silently ignored, so browser tests ran under the 5 s default and failed on a
 * busy machine). Every project that starts a local cloud, a browser or a build lists this file in
 * setupFilesAfterEnv and sets its limit in `globals.TEST_TIMEOUT_MS` (jest.config.js).
 */
const limit = (globalThis as { TEST_TIMEOUT_MS?: unknown }).TEST_TIMEOUT_MS
if (typeof limit !== 'number' || limit <= 0) throw new Error('jest.config.js: this project needs globals.TEST_TIMEOUT_MS')
jest.setTimeout(limit)
