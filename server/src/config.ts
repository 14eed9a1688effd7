import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isHttpUri, normaliseUrl, subscriberEmailSchema } from '@treaty-watch/shared';
import { LOG_LEVELS } from './log';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const originList = (name: string) =>
  z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ error: `${name} must be a comma-separated list of origins` })));

/** Where readers reach the server: feeds and calendars link there, never to what a request's headers claim. */
const publicUrl = z
  .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an absolute http or https URL', abort: true })
  .refine((url) => !/[?#]/.test(url), 'PUBLIC_URL must not have a query or a fragment')
  .refine((url) => !new URL(url).username && !new URL(url).password, 'PUBLIC_URL must not hold credentials')
  .transform((url) => normaliseUrl(url).replace(/\/+$/, ''))
  .refine(isHttpUri, 'PUBLIC_URL must be a valid URI (RFC 3986)');

/** Express's names for address ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isAddressOrCidr = (item: string) => {
  const [address = '', prefix, ...rest] = item.split('/');
  const family = net.isIP(address);
  if (!family || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

/**
 * Whose X-Forwarded-For is believed: a number of proxy hops, or the proxies' addresses. Nobody by
 * default, so the address a rate limit counts is the connection's own unless the operator says
 * a proxy stands in front.
 */
const trustProxy = z
  .string()
  .default('')
  .transform((value): number | string[] =>
    /^\d+$/.test(value.trim())
      ? Number(value.trim())
      : value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
  )
  .refine((trust) => typeof trust === 'number' || trust.every((item) => PROXY_RANGES.has(item) || isAddressOrCidr(item)), {
    error: 'TRUST_PROXY must be a number of proxy hops, or a comma-separated list of addresses, CIDRs, loopback, linklocal or uniquelocal',
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: publicUrl.optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// URL')
    .optional(),
  REDIS_STREAM: z
    .string()
    .regex(/^[\w:.-]{1,100}$/)
    .default('treaty-watch'),
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CLIENT_DIST: z.string().min(1).default(path.join(repoRoot, 'client/dist')),
  RATE_LIMIT_WRITES: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_READS: z.coerce.number().int().min(0).default(1200),
  RATE_LIMIT_SIGNIN_FAILURES: z.coerce.number().int().min(0).default(10),
  CORS_ORIGINS: originList('CORS_ORIGINS'),
  EMBED_ORIGINS: originList('EMBED_ORIGINS'),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5000),
  WEBHOOK_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(30 * 60 * 1000),
  WEBHOOK_ALLOW_PRIVATE: z.stringbool().default(false),
  TRUST_PROXY: trustProxy,
  SESSION_IDLE_HOURS: z.coerce
    .number({ error: 'SESSION_IDLE_HOURS must be a number of hours' })
    .positive('SESSION_IDLE_HOURS must be more than 0')
    .max(24 * 366, 'SESSION_IDLE_HOURS must be at most a year')
    .default(12),
  SSE_MAX_STREAMS: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  SSE_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(3600).default(25),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must be an smtp:// or smtps:// URL, such as smtps://user:pass@mail.example:465')
    .optional(),
  MAIL_FROM: subscriberEmailSchema.optional(),
  MAIL_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(20),
  RATE_LIMIT_SUBSCRIBE: z.coerce.number().int().min(0).default(2),
  GRIP_PROXY_URL: z
    .url({ protocol: /^https?$/, error: 'GRIP_PROXY_URL must be an http URL: the publish endpoint of Pushpin (or another GRIP proxy)' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  GRIP_SIG_KEY: z.string().min(16, 'GRIP_SIG_KEY must be at least 16 characters: it is what tells Pushpin from anyone else').optional(),
});

/** A day of nothing but failed attempts disables an endpoint. */
const WEBHOOK_DISABLE_AFTER_MS = 24 * 60 * 60 * 1000;

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL instead of the SQLite file in dataDir. */
  databaseUrl?: string;
  /** Several processes share realtime fan-out through this Redis, on this stream. */
  redis?: { url: string; stream: string };
  adminToken?: string;
  /** The origin (and path, if any) links in feeds and calendars start with; `http://HOST:PORT` as bound when absent. */
  publicUrl?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  clientDist: string;
  /** Per minute; 0 turns the limit off. `subscribe`: new subscriptions per address, off when absent. */
  rateLimits: { writes: number; reads: number; subscribe?: number };
  /** Failed sign-ins a minute per address before every sign-in from it waits; 0 turns the limit off. */
  signInFailuresPerMinute: number;
  corsOrigins: string[];
  /** Origins whose pages may frame the embed widgets. */
  embedOrigins: string[];
  webhooks: { timeoutMs: number; retry: { baseMs: number; maxMs: number }; disableAfterMs: number };
  /** Whether webhooks may go to loopback, private, link-local and other non-public addresses. */
  webhookAllowPrivate: boolean;
  /** Express's `trust proxy`: hops, or the proxies' addresses; 0 or none trusts nobody. */
  trustProxy: number | string[];
  /** A browser session unused for this long has ended. */
  sessionIdleMs: number;
  /** The event stream: how many this process holds open at once (0: none), and how often it says it is alive. */
  sse: { maxStreams: number; heartbeatMs: number };
  /**
   * Pushpin in front: it holds the stream's readers and this process publishes each change to its
   * publish endpoint. Only a request signed with its `sig_key` gets a hold.
   */
  grip?: { publishUrl: string; sigKey: string };
  /** Email alerts: off without an SMTP server to send through. */
  mail?: MailConfig;
};

export interface MailConfig {
  smtpUrl: string;
  /** The sender's address. */
  from: string;
  /** Messages one address gets in an hour at most; the rest wait. */
  perAddressPerHour: number;
  /** Backoff of failed attempts. */
  retry: { baseMs: number; maxMs: number };
}

/** Mail servers turn away for minutes at a time (greylisting): the first retry after a minute, at most hourly. */
const MAIL_RETRY = { baseMs: 60_000, maxMs: 60 * 60 * 1000 };

/** The sender's domain when MAIL_FROM is not set: PUBLIC_URL's host, which readers know. */
const mailHost = (url: string | undefined) => (url ? new URL(url).hostname : 'localhost');

/** Reads the environment once, at start; a bad value stops the server with a message that names it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Unsigned, no request could be told from Pushpin's: every reader would be held by this process,
  // thousands of them after a deploy, while the setting says Pushpin holds them.
  if (e.GRIP_PROXY_URL && !e.GRIP_SIG_KEY) {
    throw new Error('Invalid configuration:\n  GRIP_SIG_KEY: required with GRIP_PROXY_URL; set it to sig_key in pushpin.conf');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.REDIS_URL ? { redis: { url: e.REDIS_URL, stream: e.REDIS_STREAM } } : {}),
    ...(e.ADMIN_TOKEN ? { adminToken: e.ADMIN_TOKEN } : {}),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    logLevel: e.LOG_LEVEL,
    clientDist: path.resolve(e.CLIENT_DIST),
    rateLimits: { writes: e.RATE_LIMIT_WRITES, reads: e.RATE_LIMIT_READS, subscribe: e.RATE_LIMIT_SUBSCRIBE },
    signInFailuresPerMinute: e.RATE_LIMIT_SIGNIN_FAILURES,
    corsOrigins: e.CORS_ORIGINS,
    embedOrigins: e.EMBED_ORIGINS,
    webhooks: {
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      retry: { baseMs: e.WEBHOOK_RETRY_BASE_MS, maxMs: Math.max(e.WEBHOOK_RETRY_BASE_MS, e.WEBHOOK_RETRY_MAX_MS) },
      disableAfterMs: WEBHOOK_DISABLE_AFTER_MS,
    },
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 60 * 60 * 1000,
    sse: { maxStreams: e.SSE_MAX_STREAMS, heartbeatMs: e.SSE_HEARTBEAT_SECONDS * 1000 },
    ...(e.GRIP_PROXY_URL && e.GRIP_SIG_KEY ? { grip: { publishUrl: e.GRIP_PROXY_URL, sigKey: e.GRIP_SIG_KEY } } : {}),
    ...(e.SMTP_URL
      ? {
          mail: {
            smtpUrl: e.SMTP_URL,
            from: e.MAIL_FROM ?? `alerts@${mailHost(e.PUBLIC_URL)}`,
            perAddressPerHour: e.MAIL_PER_ADDRESS_PER_HOUR,
            retry: MAIL_RETRY,
          },
        }
      : {}),
  };
}
