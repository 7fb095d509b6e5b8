import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { RedisStore } from '../src/store/redis.js';

describe('configuration', () => {
  it('has defaults for everything in the default mode', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      publicBaseUrl: 'http://localhost:3000',
      lineApiBaseUrl: 'https://api.line.me',
      suspensionTransferNumber: '+81120950178',
      officeTransferNumber: '+81868542985',
      rateLimitPerMinute: 30,
      logLevel: 'info',
    });
    expect(loadConfig({}).redisUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL'],
    [{ PUBLIC_BASE_URL: 'helpline.example.jp' }, 'PUBLIC_BASE_URL'],
    [{ SUSPENSION_TRANSFER_NUMBER: '0120-95-0178' }, 'SUSPENSION_TRANSFER_NUMBER'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ WEB_CHAT_ORIGINS: 'https://www.town.kagamino.lg.jp/chat' }, 'WEB_CHAT_ORIGINS'],
    [{ WEB_CHAT_ORIGINS: "https://a.jp; script-src 'unsafe-inline'" }, 'WEB_CHAT_ORIGINS'],
    [{ WEB_CHAT_ORIGINS: '*' }, 'WEB_CHAT_ORIGINS'],
    [{ TRUST_PROXY: 'not-an-address' }, 'TRUST_PROXY'],
  ])('stops start-up with a message naming the variable: %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('takes WEB_CHAT_ORIGINS as browsers send origins, and trusts private proxies unless told otherwise', () => {
    expect(loadConfig({ WEB_CHAT_ORIGINS: 'https://www.town.kagamino.lg.jp/, http://localhost:8080' }).webChatOrigins).toEqual(['https://www.town.kagamino.lg.jp', 'http://localhost:8080']);
    expect(loadConfig({}).trustProxy).toEqual(['loopback', 'linklocal', 'uniquelocal']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 192.168.1.0/24' }).trustProxy).toEqual(['10.0.0.5', '192.168.1.0/24']);
  });

  it('strips a trailing slash from PUBLIC_BASE_URL, since Twilio signs the exact URL', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://helpline.example.jp/' }).publicBaseUrl).toBe('https://helpline.example.jp');
  });

  it('fails clearly, and soon, when Redis does not answer at start-up', async () => {
    await expect(RedisStore.connect('redis://127.0.0.1:1', { connectTimeoutMs: 500 })).rejects.toThrow(/Redis did not answer/);
  });
});
