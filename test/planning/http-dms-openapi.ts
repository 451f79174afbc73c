/**
 * docs/dms-api.yaml as an executable check: the JSON both sides exchange is validated against
 * the OpenAPI schemas themselves (js-yaml to read it, zod's fromJSONSchema to check it), so the
 * document cannot drift from the client and the stand-in unnoticed.
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';

type Json = Record<string, any>;

const doc = load(readFileSync(path.join(__dirname, '../../docs/dms-api.yaml'), 'utf8')) as Json;
// OpenAPI points into components; JSON Schema 2020-12 (what zod reads) into $defs.
const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));

const cache = new Map<unknown, z.ZodType>();
function validator(schema: Json): z.ZodType {
  let found = cache.get(schema);
  if (!found) {
    const rooted = JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', '#/$defs/'));
    found = z.fromJSONSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: defs, ...rooted });
    cache.set(schema, found);
  }
  return found;
}

const deref = (node: Json): Json =>
  typeof node.$ref === 'string' ? deref(node.$ref.slice(2).split('/').reduce((at: Json, key: string) => at[key], doc)) : node;

/** The operation for a concrete method and path, e.g. POST /reservations/MOD-123/cancel. */
export function operationOf(method: string, actualPath: string): Json | undefined {
  for (const [template, item] of Object.entries(doc.paths as Json)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(actualPath)) return (item as Json)[method.toLowerCase()];
  }
  return undefined;
}

function check(schema: Json | undefined, body: unknown, what: string): string[] {
  if (!schema) return body === undefined ? [] : [`${what}: the contract has no body here`];
  const result = validator(schema).safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => `${what} ${i.path.join('.')}: ${i.message}`);
}

const jsonSchemaOf = (content: Json | undefined) =>
  content ? (content['application/json'] ?? content['application/problem+json'])?.schema : undefined;

/** Problems with one exchange, per the contract; empty when it conforms. */
export function violations(exchange: { method: string; path: string; idempotencyKey?: string; requestBody: unknown; status?: number; responseBody?: unknown }): string[] {
  const label = `${exchange.method} ${exchange.path}`;
  const operation = operationOf(exchange.method, exchange.path);
  if (!operation) return [`${label}: not in docs/dms-api.yaml`];
  const problems: string[] = [];
  const parameters = ((operation.parameters ?? []) as Json[]).map(deref);
  if (parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key' && p.required) && !exchange.idempotencyKey) {
    problems.push(`${label}: Idempotency-Key missing`);
  }
  if (!operation.requestBody && exchange.requestBody !== undefined) problems.push(`${label}: unexpected request body`);
  if (operation.requestBody) problems.push(...check(jsonSchemaOf(deref(operation.requestBody).content), exchange.requestBody, `${label} request`));
  if (exchange.status === undefined) return problems;
  const response = operation.responses[String(exchange.status)];
  if (!response) return [...problems, `${label}: status ${exchange.status} not in the contract`];
  problems.push(...check(jsonSchemaOf(deref(response).content), exchange.responseBody, `${label} ${exchange.status}`));
  return problems;
}
