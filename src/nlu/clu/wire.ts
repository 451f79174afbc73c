/**
 * The Azure CLU runtime wire format: `POST {endpoint}/language/:analyze-conversations?api-version=…`
 * with `Ocp-Apim-Subscription-Key` (or `Authorization: Bearer <Entra ID token>`).
 *
 * Checked against (#16 wire check):
 * - "Send prediction requests to a deployment" (request and response example):
 *   https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/how-to/call-api
 * - the runtime OpenAPI spec, api-version 2023-04-01 (`ConversationalTask`, `ConversationTaskParameters`,
 *   `TextConversationItem`, `ConversationalTaskResult`, `ConversationPrediction`, `ConversationEntity`,
 *   the resolutions and extra information, `ErrorResponse`):
 *   https://github.com/Azure/azure-rest-api-specs/blob/main/specification/cognitiveservices/data-plane/Language/stable/2023-04-01/analyzeconversations.json
 *   Runtime api-versions with that spec: 2022-05-01, 2023-04-01, 2024-11-01 (GA); 2024-11-15-preview,
 *   2025-05-15-preview.
 * - language codes (`it`, `en-us`):
 *   https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/language-support
 *
 * In the spec a `TextConversationItem` requires `id`, `participantId` and `text`; `language` (an
 * override) and `modality` (`text` | `transcript`) are optional properties of the item itself.
 * `parameters` requires `projectName` and `deploymentName`; `stringIndexType` defaults to
 * `TextElements_v8` (we ask for `Utf16CodeUnit`, JavaScript's string index), `verbose` and
 * `isLoggingEnabled` are optional. The answer is `{ kind: 'ConversationResult', result: { query,
 * detectedLanguage?, prediction } }`; the prediction requires `projectKind`, `intents` and
 * `entities` (`topIntent` is optional); an entity requires `category`, `text`, `offset`, `length`,
 * `confidenceScore` and may carry `resolutions` (by `resolutionKind`; `DateTimeResolution` requires
 * `timex`, `dateTimeSubKind` and a string `value`) and `extraInformation` (by
 * `extraInformationKind`: `ListKey` `{ key }`, `EntitySubtype` `{ value }`, `RegexKey` `{ key, regexPattern }`).
 * Errors: `{ error: { code, message, target?, details?, innererror?: { code, message } } }` with an
 * `x-ms-error-code` header.
 * @module
 */
import { z } from 'zod';
import type { Lang } from '../../../dialogs/model';
import { CLU_LANGUAGE, CLU_NONE } from './lists';

/** The request body of one utterance (`kind: Conversation`). */
export function cluRequestBody(text: string, lang: Lang, projectName: string, deploymentName: string) {
  return {
    kind: 'Conversation',
    analysisInput: {
      conversationItem: { id: '1', participantId: 'customer', text, language: CLU_LANGUAGE[lang], modality: 'text' },
    },
    parameters: {
      projectName,
      deploymentName,
      stringIndexType: 'Utf16CodeUnit',
      // the service does not keep the query for review (data protection, docs/understanding.md)
      isLoggingEnabled: false,
    },
  };
}

export function cluUrl(endpoint: string, apiVersion: string): string {
  return `${endpoint.replace(/\/+$/, '')}/language/:analyze-conversations?api-version=${encodeURIComponent(apiVersion)}`;
}

const resolution = z.object({
  resolutionKind: z.string(),
  dateTimeSubKind: z.string().optional(),
  timex: z.string().optional(),
  value: z.union([z.string(), z.number()]).optional(),
  begin: z.string().optional(),
  end: z.string().optional(),
});
export type CluResolution = z.infer<typeof resolution>;

const extraInformation = z.object({
  extraInformationKind: z.string(),
  key: z.string().optional(),
  value: z.string().optional(),
  regexPattern: z.string().optional(),
});

const entity = z.object({
  category: z.string(),
  text: z.string(),
  offset: z.number(),
  length: z.number(),
  confidenceScore: z.number(),
  resolutions: z.array(resolution).optional(),
  extraInformation: z.array(extraInformation).optional(),
});
export type CluEntity = z.infer<typeof entity>;

const intent = z.object({ category: z.string(), confidenceScore: z.number() });

/**
 * `ConversationResult` of a Conversation project (an Orchestration project is refused: it answers
 * another shape). `topIntent` is optional in the spec: without it, the most confident intent is the top.
 */
export const cluResponse = z.object({
  kind: z.literal('ConversationResult'),
  result: z.object({
    query: z.string(),
    prediction: z
      .object({
        projectKind: z.literal('Conversation'),
        topIntent: z.string().optional(),
        intents: z.array(intent),
        entities: z.array(entity),
      })
      .transform(({ topIntent, ...p }) => ({
        ...p,
        topIntent: topIntent ?? [...p.intents].sort((a, b) => b.confidenceScore - a.confidenceScore)[0]?.category ?? CLU_NONE,
      })),
  }),
});
export type CluPrediction = z.output<typeof cluResponse>['result']['prediction'];
