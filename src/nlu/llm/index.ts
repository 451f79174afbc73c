/**
 * The LLM recognizer: one chat-completions request per message to an OpenAI-compatible server
 * (`{base}/chat/completions`, `Authorization: Bearer`) or Azure OpenAI
 * (`{endpoint}/openai/deployments/{deployment-id}/chat/completions?api-version=…`, `api-key` header):
 * temperature 0, a token budget, structured output (schema.ts), the message alone with plates and
 * VINs masked. The answer is `choices[0].message.content`; a `message.refusal`, a `finish_reason`
 * other than `stop` (`length`: cut by the budget, `content_filter`, `tool_calls`) or content off
 * the schema is a failure, and the local recognizer answers (src/nlu/cloud/guarded.ts).
 *
 * Checked (#16 wire check) against the Azure OpenAI inference reference, api-version 2024-10-21
 * (URL form, `api-key`, `response_format` `ResponseFormatJsonSchema` `{ type: 'json_schema',
 * json_schema: { name, description?, schema, strict } }`, `max_tokens` "deprecated in favor of
 * `max_completion_tokens`", `chatCompletionResponseMessage.refusal`, `errorResponse`):
 * https://learn.microsoft.com/azure/ai-services/openai/reference
 * the Azure OpenAI API version lifecycle (structured outputs from 2024-08-01-preview,
 * `max_completion_tokens` from 2024-09-01-preview; `max_tokens` does not work with o-series models):
 * https://learn.microsoft.com/azure/ai-services/openai/api-version-deprecation
 * OpenAI's chat-completions reference (`max_tokens` deprecated, `max_completion_tokens`; `finish_reason`
 * `stop` | `length` | `content_filter` | `tool_calls` | `function_call`; `message.refusal`):
 * https://platform.openai.com/docs/api-reference/chat/create
 * and Ollama's OpenAI compatibility, which lists `max_tokens` but not `max_completion_tokens`:
 * https://docs.ollama.com/api/openai-compatibility
 * @module
 */
import { z } from 'zod';
import { isAzureOpenAiUrl } from '../../config';
import { createGuardedRecognizer, type GuardedOptions, type GuardedRecognizer, type RemoteUnderstanding } from '../cloud/guarded';
import { CloudError, postJson } from '../cloud/http';
import type { DateWish } from '../../../dialogs/model';
import type { Entities } from '../recognizer';
import { systemPrompt } from './prompt';
import { llmAnswer, UNDERSTANDING_SCHEMA, type LlmAnswer } from './schema';

export interface LlmSettings {
  /** OpenAI-compatible base URL, or an Azure OpenAI deployment URL (…/openai/deployments/<name>). */
  url: string;
  apiKey: string;
  model: string;
  /** Azure OpenAI only. */
  apiVersion: string;
  maxTokens: number;
}

export type LlmOptions = LlmSettings & Omit<GuardedOptions, 'provider' | 'remote'> & { fetch?: typeof fetch };

const MAX_TEXT = 500;

/** Where to POST, and how to authenticate. */
export function chatEndpoint(settings: Pick<LlmSettings, 'url' | 'apiKey' | 'apiVersion'>): { url: string; headers: Record<string, string> } {
  const base = settings.url.replace(/\/+$/, '');
  if (isAzureOpenAiUrl(settings.url)) {
    return { url: `${base}/chat/completions?api-version=${encodeURIComponent(settings.apiVersion)}`, headers: { 'api-key': settings.apiKey } };
  }
  return { url: `${base}/chat/completions`, headers: settings.apiKey ? { Authorization: `Bearer ${settings.apiKey}` } : {} };
}

/**
 * The token budget's field: `max_completion_tokens` where it is documented and `max_tokens`
 * deprecated (OpenAI itself; Azure OpenAI from api-version 2024-09-01-preview, GA 2024-10-21),
 * `max_tokens` elsewhere (older Azure api-versions, Ollama, other OpenAI-compatible servers).
 */
export function tokenBudgetField(settings: Pick<LlmSettings, 'url' | 'apiVersion'>): 'max_completion_tokens' | 'max_tokens' {
  if (isAzureOpenAiUrl(settings.url)) return settings.apiVersion.slice(0, 10) >= '2024-09-01' ? 'max_completion_tokens' : 'max_tokens';
  return new URL(settings.url).hostname === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens';
}

/** The request body (Chat Completions `create`). */
export function chatBody(settings: Pick<LlmSettings, 'url' | 'apiVersion' | 'model' | 'maxTokens'>, system: string, text: string) {
  return {
    ...(settings.model ? { model: settings.model } : {}),
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: text },
    ],
    temperature: 0,
    [tokenBudgetField(settings)]: settings.maxTokens,
    n: 1,
    response_format: { type: 'json_schema', json_schema: { name: 'understanding', strict: true, schema: UNDERSTANDING_SCHEMA } },
  };
}

const chatCompletion = z.object({
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullable().optional(),
        message: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() }),
      }),
    )
    .min(1),
});

/** The checked answer as our understanding. */
export function fromAnswer(a: LlmAnswer): RemoteUnderstanding {
  const e = a.entities;
  const entities: Entities = {};
  if (e.service) entities.service = { id: e.service, text: e.serviceWords ?? e.service };
  if (e.model) entities.model = e.model;
  if (e.name) entities.name = e.name;
  if (e.mobility) entities.mobility = e.mobility;
  if (e.legs) {
    entities.legs = e.legs;
    entities.mobility = 'pickup-delivery';
  }
  if (e.date || e.time || e.part || e.asap) {
    const wish: DateWish = { text: e.dateWords ?? [e.date, e.time, e.part].filter(Boolean).join(' ') };
    if (e.date) wish.date = e.date;
    if (e.time) wish.time = e.time;
    if (e.part && !e.time) wish.part = e.part;
    if (e.asap && !e.date) wish.asap = true;
    entities.date = wish;
    const days = [...new Set([e.date, ...e.otherDates].filter((d): d is string => !!d))];
    if (days.length >= 2 && a.intent !== 'correction') entities.dateOptions = days.map((date) => ({ date, text: date }));
  }
  if (e.choice !== null) entities.choice = e.choice;
  if (e.language) entities.language = e.language;
  if (e.postcode) entities.postcode = e.postcode;
  if (e.address) entities.address = e.address;
  if (e.change) entities.change = e.change;
  const out: RemoteUnderstanding = { intent: a.intent, score: a.confidence, entities, readsActs: true };
  if (a.concern && (a.intent === 'urgent' || a.intent === 'human')) out.concern = a.concern;
  if (a.question) out.question = { topic: a.question, alone: a.questionAlone };
  return out;
}

export function createLlmRecognizer(options: LlmOptions): GuardedRecognizer {
  const endpoint = chatEndpoint(options);
  return createGuardedRecognizer({
    ...options,
    provider: 'llm',
    async remote({ input, text, signal }) {
      const answer = await postJson({
        url: endpoint.url,
        headers: endpoint.headers,
        body: chatBody(options, systemPrompt(input), text.slice(0, MAX_TEXT)),
        signal,
        fetch: options.fetch,
      });
      const completion = chatCompletion.safeParse(answer);
      if (!completion.success) throw new CloudError('malformed', 'answer is not a chat completion');
      const choice = completion.data.choices[0];
      if (choice.message.refusal) throw new CloudError('malformed', 'the model refused');
      if (choice.finish_reason && choice.finish_reason !== 'stop') throw new CloudError('malformed', `the model stopped: ${choice.finish_reason}`);
      let content: unknown;
      try {
        content = JSON.parse(choice.message.content ?? '');
      } catch {
        throw new CloudError('malformed', 'content is not JSON');
      }
      const parsed = llmAnswer.safeParse(content);
      if (!parsed.success) throw new CloudError('malformed', 'content is off the schema');
      return fromAnswer(parsed.data);
    },
  });
}
