/**
 * The Azure CLU recognizer: one `analyze-conversations` request per message (src/nlu/clu/wire.ts),
 * mapped onto our Understanding (map.ts), guarded by the local recognizer (src/nlu/cloud/guarded.ts).
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { Awaiting } from '../../../dialogs/model';
import { createGuardedRecognizer, type GuardedOptions, type GuardedRecognizer } from '../cloud/guarded';
import { CloudError, postJson } from '../cloud/http';
import type { Recognizer } from '../recognizer';
import { fromClu, type ReadWords } from './map';
import { cluRequestBody, cluResponse, cluUrl } from './wire';

export interface CluSettings {
  endpoint: string;
  /** Resource key, sent as Ocp-Apim-Subscription-Key. */
  key?: string;
  /** Or a file holding a Microsoft Entra ID access token, re-read at every request (Authorization: Bearer). */
  tokenFile?: string;
  project: string;
  deployment: string;
  apiVersion: string;
}

export type CluOptions = CluSettings & Omit<GuardedOptions, 'provider' | 'remote'> & { fetch?: typeof fetch };

/** CLU's limit on one conversation item is well above a chat message; ours is the local rules' cap. */
const MAX_TEXT = 500;

const AWAITING_FOR: Record<Parameters<ReadWords>[1], Awaiting | undefined> = {
  service: 'service', model: 'vehicle', mobility: 'mobility', legs: 'pickupDelivery', choice: 'slot', language: undefined,
};

async function authHeaders(settings: CluSettings): Promise<Record<string, string>> {
  if (settings.key) return { 'Ocp-Apim-Subscription-Key': settings.key };
  let token = '';
  try {
    token = (await readFile(settings.tokenFile ?? '', 'utf8')).trim();
  } catch (err) {
    throw new CloudError('refused', `Entra ID token file not read: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (!token) throw new CloudError('refused', 'Entra ID token file is empty');
  return { Authorization: `Bearer ${token}` };
}

export function createCluRecognizer(options: CluOptions): GuardedRecognizer {
  const local: Recognizer = options.local;
  const url = cluUrl(options.endpoint, options.apiVersion);
  return createGuardedRecognizer({
    ...options,
    provider: 'clu',
    async remote({ input, text, signal }) {
      const answer = await postJson({
        url,
        headers: await authHeaders(options),
        body: cluRequestBody(text.slice(0, MAX_TEXT), input.lang, options.project, options.deployment),
        signal,
        fetch: options.fetch,
      });
      const parsed = cluResponse.safeParse(answer);
      if (!parsed.success) throw new CloudError('malformed', 'answer is not a Conversation prediction');
      const readWords: ReadWords = async (words, kind) =>
        (await local.recognize({ text: words, lang: input.lang, now: input.now, timeZone: input.timeZone, awaiting: AWAITING_FOR[kind] })).entities;
      return fromClu(parsed.data.result.prediction, { now: input.now, timeZone: input.timeZone, readWords });
    },
  });
}
