/**
 * The configuration, parsed once from the environment. A malformed value stops start-up with
 * a message naming the variable, rather than failing later in front of a resident.
 */
import proxyaddr from 'proxy-addr';
import { PHONES } from './knowledge/facts.js';
import { DEFAULT_MEMORY_LIMITS, type MemoryLimits } from './store/memory.js';
import { DEFAULT_MAX_UNANSWERED } from './dialogs/unanswered.js';

export interface Config {
  port: number;
  redisUrl?: string;
  publicBaseUrl: string;
  twilioAuthToken?: string;
  lineChannelSecret?: string;
  lineChannelAccessToken?: string;
  lineApiBaseUrl: string;
  suspensionTransferNumber: string;
  officeTransferNumber: string;
  adminToken?: string;
  /** Chat turns per minute per session and per client address; 0 turns limiting off. */
  rateLimitPerMinute: number;
  logLevel: string;
  callbackTtlDays: number;
  spoolPath: string;
  /** Origins of the town's site (scheme, host, port), as browsers send them. */
  webChatOrigins: string[];
  /** Proxies whose X-Forwarded-For is believed (proxy-addr's names, addresses or subnets). */
  trustProxy: string[];
  /** Caps of the embedded store (ignored with Redis). */
  memoryLimits: MemoryLimits;
  /** Distinct unanswered questions kept for the staff (the most asked), in either store. */
  maxUnanswered: number;
  /** Where trained models are kept between starts; `false` (MODEL_CACHE_DIR=off) always trains. */
  modelCacheDir?: string | false;
}

export class ConfigError extends Error {
  readonly code = 'config_invalid';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function url(env: Env, name: string, protocols: string[], fallback?: string): string | undefined {
  const raw = optional(env, name) ?? fallback;
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function e164(env: Env, name: string, fallback: string): string {
  const value = optional(env, name) ?? fallback;
  if (!/^\+[1-9]\d{6,14}$/.test(value)) throw new ConfigError(`${name} must be an E.164 number such as +81868542985, got "${value}"`);
  return value;
}

/** Origins as a browser sends them: "https://www.town.kagamino.lg.jp", a trailing slash allowed. */
function origins(env: Env, name: string): string[] {
  return (optional(env, name) ?? '').split(',').map((o) => o.trim()).filter(Boolean).map((raw) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(raw);
    } catch {
      // reported below
    }
    const originOnly = parsed && ['http:', 'https:'].includes(parsed.protocol) && parsed.pathname === '/' && !parsed.search && !parsed.hash && !parsed.username && !parsed.password;
    if (!parsed || !originOnly) {
      throw new ConfigError(`${name} must list origins such as https://www.town.kagamino.lg.jp (no path), got "${raw}"`);
    }
    return parsed.origin;
  });
}

const DEFAULT_TRUST_PROXY = 'loopback, linklocal, uniquelocal';

function proxies(env: Env, name: string): string[] {
  const list = (optional(env, name) ?? DEFAULT_TRUST_PROXY).split(',').map((p) => p.trim()).filter(Boolean);
  try {
    proxyaddr.compile(list);
  } catch (error) {
    throw new ConfigError(`${name} must list addresses, subnets or loopback/linklocal/uniquelocal: ${(error as Error).message}`);
  }
  return list;
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const logLevel = optional(env, 'LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const lineSecret = optional(env, 'LINE_CHANNEL_SECRET');
  const lineToken = optional(env, 'LINE_CHANNEL_ACCESS_TOKEN');
  const config: Config = {
    port,
    publicBaseUrl: url(env, 'PUBLIC_BASE_URL', ['http:', 'https:'], `http://localhost:${port}`)!,
    lineApiBaseUrl: url(env, 'LINE_API_BASE_URL', ['http:', 'https:'], 'https://api.line.me')!,
    suspensionTransferNumber: e164(env, 'SUSPENSION_TRANSFER_NUMBER', PHONES.freeDial.e164),
    officeTransferNumber: e164(env, 'OFFICE_TRANSFER_NUMBER', PHONES.office.e164),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 30, 0, 100_000),
    logLevel,
    callbackTtlDays: integer(env, 'CALLBACK_TTL_DAYS', 30, 1, 365),
    spoolPath: optional(env, 'REPORT_SPOOL_PATH') ?? '.spool/reports.jsonl',
    webChatOrigins: origins(env, 'WEB_CHAT_ORIGINS'),
    trustProxy: proxies(env, 'TRUST_PROXY'),
    memoryLimits: {
      maxSessions: integer(env, 'MEMORY_MAX_SESSIONS', DEFAULT_MEMORY_LIMITS.maxSessions, 100, 10_000_000),
      maxKeysPerGroup: integer(env, 'MEMORY_MAX_KEYS', DEFAULT_MEMORY_LIMITS.maxKeysPerGroup, 100, 10_000_000),
    },
    maxUnanswered: integer(env, 'MAX_UNANSWERED', DEFAULT_MAX_UNANSWERED, 10, 1_000_000),
  };
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (redisUrl) config.redisUrl = redisUrl;
  const modelCache = optional(env, 'MODEL_CACHE_DIR');
  if (modelCache) config.modelCacheDir = modelCache === 'off' ? false : modelCache;
  const twilio = optional(env, 'TWILIO_AUTH_TOKEN');
  if (twilio) config.twilioAuthToken = twilio;
  if (lineSecret) config.lineChannelSecret = lineSecret;
  if (lineToken) config.lineChannelAccessToken = lineToken;
  const admin = optional(env, 'ADMIN_TOKEN');
  if (admin) {
    if (admin.length < 16) throw new ConfigError('ADMIN_TOKEN must be at least 16 characters');
    config.adminToken = admin;
  }
  return config;
}
