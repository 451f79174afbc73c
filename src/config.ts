/**
 * Configuration: read from the environment here and nowhere else, validated once at start-up.
 * Every setting is listed, with a comment, in .env.example.
 * @module
 */
import path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(__dirname, '..');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  DEALER_CONFIG: z.string().default(path.join(ROOT, 'config/dealers/modena.json')),
  DATA_DIR: z.string().default(path.join(ROOT, 'data')),
  /**
   * The mobility planning: `sqlite` (embedded file in DATA_DIR, default), `memory` (embedded, not
   * kept), `postgres://…` (several instances), or `http(s)://…` (a DMS speaking docs/dms-api.yaml).
   */
  PLANNING_URL: z
    .string()
    .default('sqlite')
    .refine((v) => /^(sqlite|memory|postgres(ql)?:\/\/.+|https?:\/\/.+)$/.test(v), 'must be sqlite, memory, postgres://… or http(s)://…'),
  /** Bearer token the bot sends to the DMS (PLANNING_URL=http…). */
  DMS_TOKEN: z.string().default(''),
  /** Timeout of one DMS request, ms. */
  DMS_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** How long a slot proposed to a customer stays held while they decide, in minutes. */
  HOLD_MINUTES: z.coerce.number().positive().default(5),
  /**
   * Bearer token for GET /metrics from another machine (a Prometheus scraper); empty: /metrics
   * answers only callers on this machine (loopback, not forwarded by a proxy). See docs/operations.md.
   */
  METRICS_TOKEN: z.string().default(''),
  /** Bearer token of the staff planning API and board (/api/planning, /planning); empty: both off. */
  PLANNING_API_TOKEN: z.string().default(''),
  /** Redis for sessions across instances (redis://, rediss://, or sentinel/cluster, see docs); empty: one instance. */
  REDIS_URL: z.string().default(''),
  /**
   * Where conversations are kept (docs/sessions.md): `sqlite` (DATA_DIR/sessions.sqlite, kept across
   * a restart, one instance), `redis` (REDIS_URL, several instances) or `memory` (lost at exit: tests).
   * Unset: `redis` with REDIS_URL, else `memory` beside PLANNING_URL=memory (nothing is kept, a
   * conversation must not outlive its holds and bookings), else `sqlite`.
   */
  SESSION_STORE: z.enum(['sqlite', 'redis', 'memory']).optional(),
  /**
   * With a rediss:// REDIS_URL: a PEM file of the CA(s) that signed the Redis server's certificate
   * (a private CA); empty: the system's trusted CAs. Read at start-up. See docs/sessions.md, "TLS".
   */
  REDIS_TLS_CA_FILE: z.string().default(''),
  /** Prefix of every Redis key, so that several bots (or tests) can share a Redis. */
  REDIS_KEY_PREFIX: z.string().default('mc:'),
  /** How long a conversation's turn lock lives if its holder dies, ms. */
  TURN_LOCK_MS: z.coerce.number().int().positive().default(15_000),
  DEFAULT_LANGUAGE: z.enum(['it', 'en']).default('it'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  /** How long an idle conversation is kept (personal data must not linger), in seconds. */
  SESSION_TTL_SECONDS: z.coerce.number().int().positive().default(30 * 24 * 3600),
  /** WhatsApp Business Cloud API (the /api/whatsapp webhook is off unless all four are set). */
  WHATSAPP_VERIFY_TOKEN: z.string().default(''),
  WHATSAPP_APP_SECRET: z.string().default(''),
  WHATSAPP_TOKEN: z.string().default(''),
  WHATSAPP_PHONE_NUMBER_ID: z.string().default(''),
  WHATSAPP_GRAPH_URL: z.string().url().default('https://graph.facebook.com/v21.0'),
  /** Public web chat at / and /api/webchat (on by default; `false` to serve only the Azure channels). */
  WEBCHAT_ENABLED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /**
   * On SIGTERM/SIGINT: how long the bot may take to finish the turns in flight and the WhatsApp
   * queue before it exits anyway (exit code 1), in ms. Keep it below the orchestrator's own grace
   * period (Kubernetes' terminationGracePeriodSeconds minus the preStop pause; Docker's stop timeout).
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(20_000),
  /** How long one turn may take before the customer is told to retry, in ms. */
  TURN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * #15: how many of the conversations last active on this instance keep their statechart live
   * between turns (checked against the stored snapshot at every turn, so another instance's turn
   * is never missed); 0: every turn restores the machine from the stored snapshot. See docs/sessions.md.
   */
  LIVE_CONVERSATIONS: z.coerce.number().int().min(0).default(1000),
  /**
   * Advisor accounts of the console (/advisor), JSON: `[{ "id", "name", "siteId", "passwordHash" }]`,
   * hashes from `npm run advisor:hash`. Empty: the console is off.
   */
  ADVISORS: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON list of advisors' });
        return z.NEVER;
      }
    })
    .pipe(z.array(z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      siteId: z.string().min(1),
      passwordHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/, 'must be scrypt$N$r$p$salt$hash (npm run advisor:hash)'),
    }))),
  /** How long an advisor stays signed in to the console, in minutes. */
  ADVISOR_SESSION_MINUTES: z.coerce.number().int().positive().default(480),

  // Trust boundaries and limits (docs/security.md).
  /**
   * Without MicrosoftAppId, who may call /api/messages: `loopback` (this machine only: development,
   * tests, tools) or `any` (a deliberate choice for a closed network; never in production).
   */
  ANONYMOUS_CALLERS: z.enum(['loopback', 'any']).default('loopback'),
  /**
   * Without MicrosoftAppId, where replies may be POSTed: a comma-separated list of service URL
   * prefixes (e.g. the Bot Framework Emulator's). Empty: replies only through expectReplies.
   */
  ANONYMOUS_SERVICE_URLS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(z.string().url('each entry must be a URL'))),
  /** How many proxies in front of the bot append to X-Forwarded-For (0: the socket's address is the client's). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** A conversation opened but never used (only the welcome) is forgotten after this long, in seconds. */
  UNUSED_CONVERSATION_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  /** Web chat conversations one client address may open per hour. */
  WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(30),
  /** Live web chat conversations per instance; when full, newcomers are refused (503), nobody is evicted. */
  WEBCHAT_MAX_CONVERSATIONS: z.coerce.number().int().positive().default(10_000),
  /** Customer messages per conversation (web chat, Bot Framework, a WhatsApp number) per minute. */
  MESSAGES_PER_CONVERSATION_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Failed advisor sign-ins per account, and per client address, before the back-off (15 minutes window). */
  ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  ADVISOR_LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  /** Password checks (32 MB scrypt each) running at once; beyond, sign-ins are refused (503). */
  PASSWORD_CHECKS_MAX_CONCURRENT: z.coerce.number().int().positive().default(2),
  /** Open event streams per conversation (web chat) or advisor session, and in all, per instance. */
  STREAMS_PER_CONVERSATION: z.coerce.number().int().positive().default(4),
  STREAMS_MAX: z.coerce.number().int().positive().default(2000),

  // Reminders and calendar files (#13, docs/reminders.md).
  /** How often one instance scans the planning for reminders due, in seconds. */
  REMINDER_SCAN_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /**
   * Secret that signs the calendar-file links (at least 32 characters). Empty: a random one per
   * process — links then work only on the instance that made them, and not after a restart.
   */
  CALENDAR_LINK_SECRET: z.string().refine((v) => v === '' || v.length >= 32, 'must be at least 32 characters').default(''),
  /** The bot's public address (https://bot.example.com), for absolute calendar links; empty: links relative to the chat page. */
  PUBLIC_URL: z.string().url().or(z.literal('')).default(''),
  /** Calendar-file downloads one client address may make per 10 minutes. */
  CALENDAR_DOWNLOADS_PER_ADDRESS: z.coerce.number().int().positive().default(30),

  // Understanding (docs/understanding.md): which recognizer reads customers' messages.
  /** `local` (rules + intent model, on this machine: the default), `clu` (Azure CLU) or `llm` (an OpenAI-compatible model). */
  NLU_PROVIDER: z.enum(['local', 'clu', 'llm']).default('local'),
  /** Timeout of one request to the cloud recognizer, ms; past it the local recognizer answers. */
  NLU_TIMEOUT_MS: z.coerce.number().int().positive().default(1500),
  /** Below this confidence (0..1) of the cloud recognizer's intent, the local recognizer answers. */
  NLU_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.6),
  /** Azure AI Language resource endpoint, e.g. https://<resource>.cognitiveservices.azure.com */
  CLU_ENDPOINT: z.union([z.literal(''), z.string().url()]).default(''),
  /** Resource key (Ocp-Apim-Subscription-Key); or leave empty and give CLU_TOKEN_FILE. */
  CLU_KEY: z.string().default(''),
  /** A file holding a Microsoft Entra ID access token (sent as Bearer), re-read at every request so that a sidecar can renew it. */
  CLU_TOKEN_FILE: z.string().default(''),
  CLU_PROJECT: z.string().default(''),
  CLU_DEPLOYMENT: z.string().default(''),
  /** The analyze-conversations API version (2023-04-01 or later). */
  CLU_API_VERSION: z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'must be like 2023-04-01').default('2023-04-01'),
  /**
   * OpenAI-compatible base URL (`https://api.openai.com/v1`, `http://localhost:11434/v1`: `/chat/completions` is
   * appended, `Authorization: Bearer`), or an Azure OpenAI deployment URL
   * (`https://<resource>.openai.azure.com/openai/deployments/<deployment>`: `api-key` header, LLM_API_VERSION).
   */
  LLM_URL: z.union([z.literal(''), z.string().url()]).default(''),
  LLM_API_KEY: z.string().default(''),
  /** Model name sent in each request (required by OpenAI-compatible servers; Azure uses the deployment). */
  LLM_MODEL: z.string().default(''),
  /** Azure OpenAI api-version (structured outputs need 2024-08-01-preview or later). */
  LLM_API_VERSION: z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'must be like 2024-10-21').default('2024-10-21'),
  /** Token budget of one answer (max_tokens). */
  LLM_MAX_TOKENS: z.coerce.number().int().min(64).max(4000).default(400),
}).superRefine((c, ctx) => {
  const need = (keys: (keyof typeof c)[], why: string) => {
    for (const key of keys) if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: `required when ${why}` });
  };
  if (c.SESSION_STORE === 'redis' && !c.REDIS_URL) ctx.addIssue({ code: 'custom', path: ['SESSION_STORE'], message: 'redis needs REDIS_URL' });
  // With REDIS_URL the instances share everything through Redis: conversations on one instance would split them.
  if (c.REDIS_URL && c.SESSION_STORE && c.SESSION_STORE !== 'redis') {
    ctx.addIssue({ code: 'custom', path: ['SESSION_STORE'], message: `${c.SESSION_STORE} cannot be used with REDIS_URL (leave it unset or redis)` });
  }
  if (c.NLU_PROVIDER === 'clu') {
    need(['CLU_ENDPOINT', 'CLU_PROJECT', 'CLU_DEPLOYMENT'], 'NLU_PROVIDER=clu');
    if (!c.CLU_KEY && !c.CLU_TOKEN_FILE) ctx.addIssue({ code: 'custom', path: ['CLU_KEY'], message: 'CLU_KEY or CLU_TOKEN_FILE is required when NLU_PROVIDER=clu' });
  }
  if (c.NLU_PROVIDER === 'llm') {
    need(['LLM_URL'], 'NLU_PROVIDER=llm');
    if (c.LLM_URL && !isAzureOpenAiUrl(c.LLM_URL)) need(['LLM_MODEL'], 'LLM_URL is not an Azure OpenAI deployment');
  }
}).transform((c) => ({ ...c, SESSION_STORE: c.SESSION_STORE ?? sessionStoreFor(c.REDIS_URL, c.PLANNING_URL) }));

/** The session store when SESSION_STORE is unset. */
function sessionStoreFor(redisUrl: string, planningUrl: string): 'sqlite' | 'redis' | 'memory' {
  if (redisUrl) return 'redis';
  return planningUrl === 'memory' ? 'memory' : 'sqlite';
}

/** An Azure OpenAI deployment URL (`…/openai/deployments/<name>`), as opposed to a plain OpenAI-compatible base URL. */
export function isAzureOpenAiUrl(url: string): boolean {
  return /\/openai\/deployments\/[^/]+\/?$/.test(new URL(url).pathname);
}

export type Config = z.infer<typeof schema>;

/** The process environment with some settings replaced (a tool's command-line flags). */
export function loadConfigWith(overrides: Record<string, string>): Config {
  return loadConfig({ ...process.env, ...overrides });
}

/** Parses an environment; throws one message naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
