/**
 * What the model must answer: a JSON schema for structured outputs (`response_format:
 * { type: "json_schema", json_schema: { name, strict: true, schema } }`, OpenAI's "Structured
 * Outputs" guide and the chat-completions reference; Azure OpenAI from api-version
 * 2024-08-01-preview, https://learn.microsoft.com/azure/ai-services/openai/api-version-deprecation —
 * an older one answers 400 `BadRequest` "response_format value as json_schema is enabled only for
 * api versions 2024-08-01-preview and later"). Strict mode wants every property required and `additionalProperties: false`;
 * an optional value is a union with null. The same shape is checked again here with zod: a server
 * that ignores the schema (some OpenAI-compatible ones do) cannot slip anything else through.
 * @module
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { LANGUAGES, LEGS, SERVICE_CATEGORIES, SOLUTIONS } from '../../../dialogs/model';
import { INTENTS, QUESTION_TOPICS } from '../../../dialogs/understanding';
import { CHANGE_KEYS } from '../clu/lists';

export const CONCERNS = ['road', 'complaint', 'legal', 'callback', 'machine'] as const;
const MOBILITY = [...SOLUTIONS, 'replacement'] as const;

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const oneOf = (values: readonly string[]) => nullable({ type: 'string', enum: [...values] });

const entityProperties = {
  service: oneOf(SERVICE_CATEGORIES),
  serviceWords: nullable({ type: 'string', description: "the customer's words naming the work" }),
  model: nullable({ type: 'string', description: 'the car model named, e.g. Levante, Ghibli, Grecale' }),
  name: nullable({ type: 'string', description: "the customer's own name, as written" }),
  mobility: oneOf(MOBILITY),
  legs: oneOf(LEGS),
  date: nullable({ type: 'string', description: 'the day wished, yyyy-MM-dd, resolved from today in the dealer time zone' }),
  time: nullable({ type: 'string', description: 'the hour wished, HH:mm (24 h)' }),
  part: oneOf(['morning', 'afternoon']),
  asap: { type: 'boolean', description: 'the customer wants the earliest possible day' },
  dateWords: nullable({ type: 'string', description: "the customer's words naming the day or hour" }),
  otherDates: { type: 'array', items: { type: 'string' }, description: 'other days offered as alternatives ("wednesday or thursday"), yyyy-MM-dd' },
  choice: nullable({ type: 'integer', description: '1-based pick among the options the bot offered' }),
  language: oneOf(LANGUAGES),
  postcode: nullable({ type: 'string', description: 'a 5-digit Italian postcode' }),
  address: nullable({ type: 'string', description: 'a street address written in the message' }),
  change: oneOf(CHANGE_KEYS),
};

/** The JSON schema sent as `response_format.json_schema.schema`. */
export const UNDERSTANDING_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['intent', 'confidence', 'concern', 'question', 'questionAlone', 'entities'],
  properties: {
    intent: { type: 'string', enum: [...INTENTS] },
    confidence: { type: 'number', description: 'how sure you are of the intent, 0 to 1' },
    concern: oneOf(CONCERNS),
    question: oneOf(QUESTION_TOPICS),
    questionAlone: { type: 'boolean', description: 'the message is only the question, it answers nothing' },
    entities: {
      type: 'object',
      additionalProperties: false,
      required: Object.keys(entityProperties),
      properties: entityProperties,
    },
  },
} as const;

/** Words of the message; a masked id is never one (the local rules read those). */
const text = (max: number) =>
  z.string().trim().min(1).max(max).nullable().transform((v) => (v && /\[(PLATE|VIN|VEHICLE-ID)\]/.test(v) ? null : v));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => DateTime.fromISO(d).isValid, 'not a calendar day');

/** The answer checked: what the schema says, with the formats the schema can only describe. */
export const llmAnswer = z.object({
  intent: z.enum(INTENTS),
  confidence: z.number().min(0).max(1),
  concern: z.enum(CONCERNS).nullable(),
  question: z.enum(QUESTION_TOPICS).nullable(),
  questionAlone: z.boolean(),
  entities: z.object({
    service: z.enum(SERVICE_CATEGORIES).nullable(),
    serviceWords: text(200),
    model: text(60),
    name: text(80),
    mobility: z.enum(MOBILITY).nullable(),
    legs: z.enum(LEGS).nullable(),
    date: day.nullable(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable(),
    part: z.enum(['morning', 'afternoon']).nullable(),
    asap: z.boolean(),
    dateWords: text(200),
    otherDates: z.array(day).max(5),
    choice: z.number().int().min(1).max(20).nullable(),
    language: z.enum(LANGUAGES).nullable(),
    postcode: z.string().regex(/^\d{5}$/).nullable(),
    address: text(200),
    change: z.enum(CHANGE_KEYS).nullable(),
  }),
});
export type LlmAnswer = z.infer<typeof llmAnswer>;
