/**
 * The recognizer NLU_PROVIDER names: `local` (the hybrid rules + intent model, src/nlu/hybrid.ts),
 * `clu` (Azure CLU) or `llm` (an OpenAI-compatible model), the latter two with the local one
 * beside them (src/nlu/cloud/guarded.ts). Unset, nothing changes: the hybrid recognizer alone.
 * @module
 */
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { GuardedOptions } from './cloud/guarded';
import { createCluRecognizer } from './clu';
import { createHybridRecognizer } from './hybrid';
import { createLlmRecognizer } from './llm';
import { createLocalRecognizer } from './local';
import { withBookingRequests } from './manage';
import type { Recognizer } from './recognizer';

export type ProviderConfig = Pick<
  Config,
  | 'NLU_PROVIDER' | 'NLU_TIMEOUT_MS' | 'NLU_MIN_CONFIDENCE'
  | 'CLU_ENDPOINT' | 'CLU_KEY' | 'CLU_TOKEN_FILE' | 'CLU_PROJECT' | 'CLU_DEPLOYMENT' | 'CLU_API_VERSION'
  | 'LLM_URL' | 'LLM_API_KEY' | 'LLM_MODEL' | 'LLM_API_VERSION' | 'LLM_MAX_TOKENS'
>;

export interface ProviderExtras {
  local?: Recognizer;
  onOutcome?: GuardedOptions['onOutcome'];
  fetch?: typeof fetch;
}

/**
 * #13: whichever provider, booking references and requests about a booking already made are read
 * first (src/nlu/manage): a reference is taken out of the text before it can be read as a plate.
 */
export function createConfiguredRecognizer(config: ProviderConfig, logger: Logger, extras: ProviderExtras = {}): Recognizer {
  return withBookingRequests(createProviderRecognizer(config, logger, extras));
}

function createProviderRecognizer(config: ProviderConfig, logger: Logger, extras: ProviderExtras): Recognizer {
  // a bug in the rules reads the message as not understood; the log says so, with the error (#12)
  const local =
    extras.local ??
    createHybridRecognizer({ rules: createLocalRecognizer({ onError: (err) => logger.error({ err }, 'the recognizer rules failed on a message; read as not understood') }) });
  if (config.NLU_PROVIDER === 'local') return local;
  const guard = {
    local,
    logger,
    timeoutMs: config.NLU_TIMEOUT_MS,
    minConfidence: config.NLU_MIN_CONFIDENCE,
    onOutcome: extras.onOutcome,
    fetch: extras.fetch,
  };
  if (config.NLU_PROVIDER === 'clu') {
    return createCluRecognizer({
      ...guard,
      endpoint: config.CLU_ENDPOINT,
      key: config.CLU_KEY || undefined,
      tokenFile: config.CLU_TOKEN_FILE || undefined,
      project: config.CLU_PROJECT,
      deployment: config.CLU_DEPLOYMENT,
      apiVersion: config.CLU_API_VERSION,
    });
  }
  return createLlmRecognizer({
    ...guard,
    url: config.LLM_URL,
    apiKey: config.LLM_API_KEY,
    model: config.LLM_MODEL,
    apiVersion: config.LLM_API_VERSION,
    maxTokens: config.LLM_MAX_TOKENS,
  });
}
