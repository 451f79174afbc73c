/**
 * A cloud recognizer behind the Recognizer port, guarded: the local recognizer reads every
 * message first (it is quick, offline, and always the one that reads plates, VINs and clicked
 * choices), the cloud one is asked with plates and VINs masked, through a per-request timeout
 * and a circuit breaker (cockatiel 3). On a timeout, an error, a 429 (then nothing is sent until
 * its Retry-After has passed), an open circuit, an intent it does not know or a confidence below
 * the minimum, the local recognizer's answer is the answer, and the log says so once: one line
 * per failed request, one when the circuit opens and one when it closes, never the message.
 * @module
 */
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  handleAll,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { Logger } from 'pino';
import type { Concern, Entities, Intent, Question } from '../../../dialogs/understanding';
import { parsePostback } from '../postback';
import type { RecognizeInput, Recognizer, Understanding } from '../recognizer';
import { CloudError, type CloudFailure } from './http';
import { maskVehicleIds } from './mask';

/** What a cloud recognizer understood; `intent` undefined when it answered an intent we do not know. */
export interface RemoteUnderstanding {
  intent: Intent | undefined;
  score: number;
  entities: Entities;
  /** Only from recognizers that read dialogue acts themselves (`readsActs`). */
  concern?: Concern;
  question?: Question;
  /** True: question and concern are the remote's (absent = none); false: the local rules' (CLU knows intents and entities only). */
  readsActs: boolean;
}

/** One request to the cloud: the masked text, and a signal that aborts it at the timeout. */
export interface RemoteRequest {
  input: RecognizeInput;
  /** The message trimmed, plates and VINs masked: all that is sent. */
  text: string;
  signal: AbortSignal;
}

export type RemoteCall = (request: RemoteRequest) => Promise<RemoteUnderstanding>;

/** Who answered a message, and why not the cloud. */
export type Outcome = 'remote' | 'postback' | 'empty' | 'paused' | 'open' | 'low-confidence' | CloudFailure;

export interface GuardedOptions {
  provider: 'clu' | 'llm';
  remote: RemoteCall;
  local: Recognizer;
  timeoutMs: number;
  /** Below this intent confidence the local recognizer answers. */
  minConfidence: number;
  /** Consecutive failures that open the circuit, and how long it stays open before one request probes it. */
  breaker?: { threshold: number; halfOpenAfterMs: number };
  /** The longest Retry-After honoured (a longer one is cut to it, so the service is probed again). */
  maxPauseMs?: number;
  logger: Pick<Logger, 'warn' | 'info' | 'debug'>;
  /** Told who answered each message (for `npm run eval:nlu -- --provider`). */
  onOutcome?: (outcome: Outcome) => void;
  clock?: () => number;
}

export const DEFAULT_BREAKER = { threshold: 5, halfOpenAfterMs: 30_000 };
const DEFAULT_MAX_PAUSE_MS = 15 * 60_000;

export interface GuardedRecognizer extends Recognizer {
  readonly breaker: CircuitBreakerPolicy;
}

/**
 * The remote's intent and entities with what only the local rules read: plates, VINs and
 * malformed ids always theirs, the language detected, and (for CLU) the question and concern.
 */
export function merge(local: Understanding, remote: RemoteUnderstanding & { intent: Intent }): Understanding {
  const entities: Entities = { ...remote.entities };
  delete entities.plate;
  delete entities.vin;
  delete entities.badVehicleId;
  if (local.entities.plate) entities.plate = local.entities.plate;
  if (local.entities.vin) entities.vin = local.entities.vin;
  if (local.entities.badVehicleId) entities.badVehicleId = local.entities.badVehicleId;
  const out: Understanding = { intent: remote.intent, score: Math.min(0.99, Number(remote.score.toFixed(3))), entities, text: local.text };
  if (local.detectedLang) out.detectedLang = local.detectedLang;
  const question = remote.readsActs ? remote.question : local.question;
  if (question) out.question = question;
  const concern = remote.concern ?? (local.intent === remote.intent ? local.concern : undefined);
  if (concern && (remote.intent === 'urgent' || remote.intent === 'human')) out.concern = concern;
  return out;
}

export function createGuardedRecognizer(options: GuardedOptions): GuardedRecognizer {
  const { provider, logger, local } = options;
  const clock = options.clock ?? Date.now;
  const settings = options.breaker ?? DEFAULT_BREAKER;
  const maxPauseMs = options.maxPauseMs ?? DEFAULT_MAX_PAUSE_MS;
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.threshold),
  });
  breaker.onBreak(() => logger.warn({ nlu: provider }, `${provider} recognizer circuit open: the local recognizer answers until it recovers`));
  breaker.onReset(() => logger.info({ nlu: provider }, `${provider} recognizer circuit closed: it answers again`));
  // Aggressive: the customer never waits past the timeout; the signal also aborts the request.
  const policy = wrap(breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));
  let pausedUntil = 0;
  const tell = (outcome: Outcome) => options.onOutcome?.(outcome);

  async function ask(input: RecognizeInput, text: string): Promise<RemoteUnderstanding | Outcome> {
    if (clock() < pausedUntil) {
      logger.debug({ nlu: provider, reason: 'paused' }, `${provider} recognizer paused after a 429: the local recognizer answered`);
      return 'paused';
    }
    try {
      return await policy.execute(({ signal }) => options.remote({ input, text: maskVehicleIds(text), signal }));
    } catch (err) {
      if (err instanceof BrokenCircuitError) {
        logger.debug({ nlu: provider, reason: 'open' }, `${provider} recognizer circuit open: the local recognizer answered`);
        return 'open';
      }
      const e = err instanceof CloudError ? err : err instanceof TaskCancelledError ? new CloudError('timeout', 'no answer in time') : new CloudError('malformed', (err as Error)?.message ?? 'failed');
      if (e.reason === 'throttled') pausedUntil = clock() + Math.min(maxPauseMs, e.retryAfterMs ?? 1000);
      logger.warn(
        { nlu: provider, reason: e.reason, status: e.status, code: e.code, retryAfterMs: e.retryAfterMs },
        `${provider} recognizer failed (${e.message}): the local recognizer answered`,
      );
      return e.reason;
    }
  }

  return {
    breaker,
    async recognize(input: RecognizeInput): Promise<Understanding> {
      const text = (typeof input?.text === 'string' ? input.text : '').trim();
      const token = parsePostback(text);
      if (token) {
        tell('postback');
        return token;
      }
      const mine = await local.recognize(input);
      if (!/[\p{L}\p{N}]/u.test(text)) {
        tell('empty');
        return mine;
      }
      const remote = await ask(input, text);
      if (typeof remote === 'string') {
        tell(remote);
        return mine;
      }
      if (remote.intent === undefined) {
        logger.warn({ nlu: provider, reason: 'unmapped' }, `${provider} recognizer answered an intent this bot does not know: the local recognizer answered`);
        tell('unmapped');
        return mine;
      }
      if (!(remote.score >= options.minConfidence)) {
        logger.info({ nlu: provider, reason: 'low-confidence', intent: remote.intent, score: remote.score }, `${provider} recognizer unsure: the local recognizer answered`);
        tell('low-confidence');
        return mine;
      }
      tell('remote');
      return merge(mine, { ...remote, intent: remote.intent });
    },
  };
}
