/**
 * A stand-in for an OpenAI-compatible chat-completions server and for Azure OpenAI on loopback,
 * speaking their documented wire formats: `POST /v1/chat/completions` with `Authorization: Bearer`,
 * or `POST /openai/deployments/{deployment-id}/chat/completions?api-version=…` with `api-key`. It
 * checks the body (messages, temperature, a token budget in `max_tokens` or `max_completion_tokens`,
 * a `json_schema` response_format `{ type, json_schema: { name, strict?, schema } }`) and answers a
 * `chat.completion` whose `choices[0].message` has `role`, `content` (the scripted JSON) and
 * `refusal`. Errors as each writes them: OpenAI `{ error: { message, type, param, code } }` (all four
 * present, `param`/`code` nullable), Azure `{ error: { code, message } }` (its `errorResponse`; an
 * api-version before 2024-08-01-preview refuses `json_schema` with 400 `BadRequest`); 429 with
 * `retry-after` (and `retry-after-ms` when a test gives it). Sources:
 * https://learn.microsoft.com/azure/ai-services/openai/reference (api-version 2024-10-21),
 * https://learn.microsoft.com/azure/ai-services/openai/api-version-deprecation,
 * https://platform.openai.com/docs/api-reference/chat/create, openai-openapi `ErrorResponse`.
 */
import http from 'node:http';
import { JsonStandIn, type Fault, type RecordedRequest } from './json-stand-in';

/** Azure OpenAI inference api-versions with a published spec: GA, then preview. */
export const AZURE_OPENAI_VERSIONS = ['2023-05-15', '2024-02-01', '2024-06-01', '2024-10-21', '2024-08-01-preview', '2024-09-01-preview', '2024-10-01-preview'];
/** Structured outputs (`json_schema`) exist from this api-version on (api-version lifecycle page). */
const JSON_SCHEMA_SINCE = '2024-08-01';

/** A request as the stand-in received it. */
export type ChatRequest = RecordedRequest;

export interface Reply {
  /** The JSON the model writes (serialised into message.content), or raw content. */
  content?: unknown;
  refusal?: string;
  finishReason?: string;
}

export class OpenAiStandIn extends JsonStandIn {
  protected readonly contentType = 'application/json';
  reply: (user: string, system: string) => Reply = () => ({ content: {} });

  constructor(readonly flavour: 'openai' | 'azure', readonly apiKey: string, readonly deployment = 'gpt-4o-mini') {
    super();
  }

  /** The LLM_URL a dealer would configure. */
  get baseUrl(): string {
    return this.flavour === 'azure' ? `${this.url}/openai/deployments/${this.deployment}` : `${this.url}/v1`;
  }

  private error(res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
    const body = this.flavour === 'azure' ? { error: { code, message } } : { error: { message, type: status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error', param: null, code } };
    this.json(res, status, body, headers);
  }

  protected fail(res: http.ServerResponse, fault: Fault) {
    if (!fault.status) return this.json(res, 200, completion('{}', 'stop'));
    if (fault.body) return this.json(res, fault.status, fault.body, fault.headers);
    if (fault.status === 429) return this.error(res, 429, this.flavour === 'azure' ? '429' : 'rate_limit_exceeded', 'Rate limit reached. Please try again later.', fault.headers);
    return this.error(res, fault.status, 'server_error', 'The server had an error while processing your request.', fault.headers);
  }

  protected answer(req: http.IncomingMessage, res: http.ServerResponse, body: any) {
    const url = new URL(req.url ?? '/', 'http://x');
    if (this.flavour === 'azure') {
      if (req.method !== 'POST' || url.pathname !== `/openai/deployments/${this.deployment}/chat/completions`) return this.error(res, 404, 'DeploymentNotFound', 'The API deployment for this resource does not exist.');
      if (!AZURE_OPENAI_VERSIONS.includes(url.searchParams.get('api-version') ?? '')) return this.error(res, 404, '404', 'Resource not found');
      if (req.headers['api-key'] !== this.apiKey) return this.error(res, 401, '401', 'Access denied due to invalid subscription key or wrong API endpoint.');
    } else {
      if (req.method !== 'POST' || url.pathname !== '/v1/chat/completions') return this.error(res, 404, 'unknown_url', `Unknown request URL: POST ${url.pathname}.`);
      if (req.headers.authorization !== `Bearer ${this.apiKey}`) return this.error(res, 401, 'invalid_api_key', 'Incorrect API key provided.');
      if (typeof body?.model !== 'string' || !body.model) return this.error(res, 400, 'missing_model', 'you must provide a model parameter');
    }
    const messages = body?.messages;
    const format = body?.response_format;
    if (this.flavour === 'azure' && format?.type === 'json_schema' && (url.searchParams.get('api-version') ?? '').slice(0, 10) < JSON_SCHEMA_SINCE) {
      return this.error(res, 400, 'BadRequest', 'response_format value as json_schema is enabled only for api versions 2024-08-01-preview and later');
    }
    const budget = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) > 0);
    const valid =
      Array.isArray(messages) && messages.every((m: any) => typeof m?.role === 'string' && typeof m?.content === 'string') &&
      budget(body.max_tokens) && budget(body.max_completion_tokens) &&
      format?.type === 'json_schema' && typeof format.json_schema?.name === 'string' && /^[\w-]{1,64}$/.test(format.json_schema.name) &&
      (format.json_schema.strict === undefined || typeof format.json_schema.strict === 'boolean') && format.json_schema.schema?.type === 'object';
    if (!valid) return this.error(res, 400, 'invalid_request_error', "Invalid value for 'response_format', 'messages' or the token budget.");
    const system = messages.find((m: any) => m.role === 'system')?.content ?? '';
    const user = messages.findLast((m: any) => m.role === 'user')?.content ?? '';
    const r = this.reply(user, system);
    const content = r.refusal ? null : typeof r.content === 'string' ? r.content : JSON.stringify(r.content);
    this.json(res, 200, completion(content, r.finishReason ?? 'stop', r.refusal ?? null, body.model ?? this.deployment));
  }
}

function completion(content: string | null, finishReason: string, refusal: string | null = null, model = 'gpt-4o-mini') {
  return {
    id: 'chatcmpl-standin',
    object: 'chat.completion',
    created: 1764489600,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal }, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 900, completion_tokens: 120, total_tokens: 1020 },
  };
}
