/** The prefix of every key of build `buildId` in Redis ("dev" outside a production build). */
export function redisKeyPrefix(buildId: string | undefined): string;
