/**
 * The Azure CLU runtime wire format: `POST {endpoint}/language/:analyze-conversations?api-version=…`
 * with `Ocp-Apim-Subscription-Key` (or `Authorization: Bearer <Entra ID token>`), as documented in
 * "Query your deployed model" (learn.microsoft.com/azure/ai-services/language-service/
 * conversational-language-understanding/how-to/call-api) and "Authenticate requests to Azure AI
 * services" (learn.microsoft.com/azure/ai-services/authentication). Entity resolutions
 * (`DateTimeResolution`, `TemporalSpanResolution`, `NumberResolution`, `OrdinalResolution`) and
 * `extraInformation` (`ListKey`, `EntitySubtype`) follow the "prebuilt entity components"
 * reference of the same service; error bodies are the Azure AI services' `{ error: { code, message } }`.
 * @module
 */
import { z } from 'zod';
import type { Lang } from '../../../dialogs/model';
import { CLU_LANGUAGE } from './lists';

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

/** `ConversationResult` of a Conversation project (an Orchestration project is refused: it answers another shape). */
export const cluResponse = z.object({
  kind: z.literal('ConversationResult'),
  result: z.object({
    query: z.string(),
    prediction: z.object({
      projectKind: z.literal('Conversation'),
      topIntent: z.string(),
      intents: z.array(z.object({ category: z.string(), confidenceScore: z.number() })),
      entities: z.array(entity),
    }),
  }),
});
export type CluPrediction = z.infer<typeof cluResponse>['result']['prediction'];
