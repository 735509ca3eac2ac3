// Where Next's cache keeps a build's entries in Redis: every key of build `buildId` starts with
// this. The cache handler (redis-handler.mjs) writes under it; scripts and tests that start
// servers on one Redis find, count and forget a build's entries by it. Plain JavaScript, as the
// handler that Next loads itself is.

/** The prefix of every key of build `buildId` ("dev" outside a production build). */
export function redisKeyPrefix(buildId) {
  return `biljett:${buildId ?? "dev"}:`;
}
