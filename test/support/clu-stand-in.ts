/**
 * A stand-in for the Azure AI Language runtime on loopback, speaking CLU's documented wire format:
 * `POST /language/:analyze-conversations?api-version=…`, `Ocp-Apim-Subscription-Key` or
 * `Authorization: Bearer`, a `kind: Conversation` body whose `analysisInput.conversationItem`
 * requires `id`, `participantId`, `text` (`language`, `modality` optional) and whose `parameters`
 * require `projectName` and `deploymentName`, answering a `ConversationResult`. Sources:
 * https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/how-to/call-api
 * and the runtime spec (2023-04-01)
 * https://github.com/Azure/azure-rest-api-specs/blob/main/specification/cognitiveservices/data-plane/Language/stable/2023-04-01/analyzeconversations.json
 * Errors as the service writes them: `{ error: { code, message, innererror? } }` with
 * `x-ms-error-code` (codes of the spec's `ErrorCode`/`InnerErrorCode`); a wrong key or an unknown
 * path/api-version is answered by the Cognitive Services gateway, `{ error: { code: '401' | '404', message } }`
 * (as quoted in Azure SDK READMEs); 429 with Retry-After.
 * Tests script the prediction per message (`predict`) and queue faults.
 */
import http from 'node:http';
import { JsonStandIn, type Fault, type RecordedRequest } from './json-stand-in';

/** Runtime api-versions with a published analyze-conversations spec (GA, then preview). */
export const CLU_VERSIONS = ['2022-05-01', '2023-04-01', '2024-11-01', '2022-10-01-preview', '2024-11-15-preview', '2025-05-15-preview'];
const MODALITIES = ['text', 'transcript'];
const STRING_INDEX_TYPES = ['TextElements_v8', 'UnicodeCodePoint', 'Utf16CodeUnit'];

export interface CluPredictionFixture {
  topIntent: string;
  intents?: { category: string; confidenceScore: number }[];
  entities?: Record<string, unknown>[];
}

export type { Fault } from './json-stand-in';
/** A request as the stand-in received it. */
export type CluRequest = RecordedRequest;

export class CluStandIn extends JsonStandIn {
  protected readonly contentType = 'application/json; charset=utf-8';
  /** What the deployed model predicts for a text. */
  predict: (text: string) => CluPredictionFixture = () => ({ topIntent: 'None', intents: [{ category: 'None', confidenceScore: 0.9 }] });

  constructor(readonly auth: { key?: string; token?: string }, readonly project = 'concierge', readonly deployment = 'production') {
    super();
  }

  /** An error of the service itself (not of the gateway): the spec's body and `x-ms-error-code`. */
  private error(res: http.ServerResponse, status: number, code: string, message: string, innererror?: { code: string; message: string }) {
    this.json(res, status, { error: { code, message, ...(innererror ? { innererror } : {}) } }, { 'x-ms-error-code': code });
  }

  protected fail(res: http.ServerResponse, fault: Fault) {
    if (!fault.status) return this.answerLate(res);
    if (!fault.body) return this.error(res, fault.status, 'InternalServerError', 'Internal server error.');
    this.json(res, fault.status, fault.body, fault.headers);
  }

  /** A slow answer that is a real one, once the client has gone. */
  private answerLate(res: http.ServerResponse) {
    this.json(res, 200, { kind: 'ConversationResult', result: { query: '', prediction: { topIntent: 'None', projectKind: 'Conversation', intents: [], entities: [] } } });
  }

  protected answer(req: http.IncomingMessage, res: http.ServerResponse, body: any) {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method !== 'POST' || url.pathname !== '/language/:analyze-conversations') {
      return this.json(res, 404, { error: { code: '404', message: 'Resource not found' } });
    }
    if (!CLU_VERSIONS.includes(url.searchParams.get('api-version') ?? '')) {
      return this.json(res, 404, { error: { code: '404', message: 'Resource not found' } });
    }
    const key = req.headers['ocp-apim-subscription-key'];
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!((this.auth.key && key === this.auth.key) || (this.auth.token && bearer === this.auth.token))) {
      return this.json(res, 401, {
        error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.' },
      });
    }
    const item = body?.analysisInput?.conversationItem;
    const params = body?.parameters;
    const valid =
      body?.kind === 'Conversation' &&
      typeof item?.text === 'string' && typeof item?.id === 'string' && typeof item?.participantId === 'string' &&
      (item.language === undefined || typeof item.language === 'string') &&
      (item.modality === undefined || MODALITIES.includes(item.modality)) &&
      typeof params?.projectName === 'string' && typeof params?.deploymentName === 'string' &&
      (params.stringIndexType === undefined || STRING_INDEX_TYPES.includes(params.stringIndexType)) &&
      (params.verbose === undefined || typeof params.verbose === 'boolean') &&
      (params.isLoggingEnabled === undefined || typeof params.isLoggingEnabled === 'boolean');
    if (!valid) {
      return this.error(res, 400, 'InvalidArgument', 'Invalid request body.', { code: 'InvalidRequestBodyFormat', message: 'Request body is invalid.' });
    }
    if (params.projectName !== this.project || params.deploymentName !== this.deployment) {
      return this.error(res, 404, 'NotFound', `Deployment ${params.deploymentName} of project ${params.projectName} not found.`);
    }
    const p = this.predict(item.text);
    const intents = p.intents ?? [{ category: p.topIntent, confidenceScore: 0.95 }];
    this.json(res, 200, {
      kind: 'ConversationResult',
      result: { query: item.text, prediction: { topIntent: p.topIntent, projectKind: 'Conversation', intents, entities: p.entities ?? [] } },
    });
  }
}

/** A CLU entity as the service answers it, located in the text. */
export function cluEntity(text: string, words: string, category: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  const offset = text.indexOf(words);
  if (offset < 0) throw new Error(`"${words}" is not in "${text}"`);
  return { category, text: words, offset, length: words.length, confidenceScore: 1, ...more };
}

export const listKey = (key: string) => ({ extraInformation: [{ extraInformationKind: 'ListKey', key }] });
