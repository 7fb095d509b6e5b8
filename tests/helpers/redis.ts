import { RedisStore } from '../../src/store/redis.js';

export const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Connects to the test Redis. Without it the Redis tests are skipped, unless REQUIRE_REDIS=1
 * (CI), where an unreachable Redis fails the run instead.
 */
export async function connectTestRedis(): Promise<RedisStore | undefined> {
  try {
    return await RedisStore.connect(REDIS_URL, { connectTimeoutMs: 1500 });
  } catch (error) {
    if (process.env['REQUIRE_REDIS'] === '1') throw new Error(`REQUIRE_REDIS=1 but Redis at ${REDIS_URL} is unreachable: ${(error as Error).message}`);
    return undefined;
  }
}

export const uniquePrefix = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
