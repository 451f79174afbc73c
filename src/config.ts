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
  /** Bearer token of the staff planning API and board (/api/planning, /planning); empty: both off. */
  PLANNING_API_TOKEN: z.string().default(''),
  /** Redis for sessions across instances (redis://, rediss://, or sentinel/cluster, see docs); empty: in memory. */
  REDIS_URL: z.string().default(''),
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
  /** How long one turn may take before the customer is told to retry, in ms. */
  TURN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
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
});

export type Config = z.infer<typeof schema>;

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
