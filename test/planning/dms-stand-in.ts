/**
 * A DMS stand-in for the tests: a real HTTP server on 127.0.0.1 (port 0) implementing
 * docs/dms-api.yaml over any `PlanningSystem`, checking the bearer token, with fault injection
 * and a log of every exchange (to count retries per Idempotency-Key and check the contract).
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlanningSystem } from '../../src/planning/planning';
import { createFaults, type Fault } from './dms-stand-in-faults';
import { createRoutes, problem, type Reply } from './dms-stand-in-routes';

export interface Exchange {
  method: string;
  /** Without the query. */
  path: string;
  idempotencyKey?: string;
  requestBody: unknown;
  /** Absent when a fault hung or reset the connection. */
  status?: number;
  responseBody?: unknown;
  fault?: Fault['kind'];
}

export interface DmsStandIn {
  url: string;
  token: string;
  exchanges: Exchange[];
  /** Requests seen per Idempotency-Key (retries included). */
  keyCount(key: string): number;
  inject: ReturnType<typeof createFaults>['inject'];
  chaos: ReturnType<typeof createFaults>['chaos'];
  clearFaults(): void;
  /** Stops the server (dropping hung requests) and closes the planning. */
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return { unparsable: text };
  }
}

function send(response: ServerResponse, reply: Reply) {
  const headers = { ...(reply.body !== undefined ? { 'content-type': 'application/json' } : {}), ...reply.headers };
  response.writeHead(reply.status, headers);
  response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
}

export async function startDmsStandIn(planning: PlanningSystem, options: { token?: string } = {}): Promise<DmsStandIn> {
  const token = options.token ?? 'stand-in-token';
  const faults = createFaults();
  const route = createRoutes(planning);
  const exchanges: Exchange[] = [];

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const key = request.headers['idempotency-key'] as string | undefined;
    const requestBody = await readBody(request);
    const exchange: Exchange = { method: request.method ?? 'GET', path: url.pathname, requestBody, ...(key ? { idempotencyKey: key } : {}) };
    exchanges.push(exchange);
    const fault = faults.take(exchange.method, url.pathname, `${exchange.method} ${request.url} ${key ?? ''} ${JSON.stringify(requestBody)}`);
    if (fault) exchange.fault = fault.kind;
    const reply = (r: Reply) => {
      exchange.status = r.status;
      exchange.responseBody = r.body;
      send(response, r);
    };

    // Faults of the network or a proxy come before the DMS itself sees the request.
    if (fault?.kind === 'status') {
      const r = problem(fault.status, 'unavailable', 'Injected failure');
      return reply({ ...r, headers: { ...r.headers, ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) } });
    }
    if (fault?.kind === 'garbage') {
      exchange.status = fault.status ?? 200;
      response.writeHead(exchange.status, { 'content-type': 'application/json' });
      return response.end(fault.body);
    }
    if ((fault?.kind === 'hang' || fault?.kind === 'reset') && !fault.commit) {
      if (fault.kind === 'reset') request.socket.destroy();
      return; // hang: the server closes the connection at close()
    }

    if (request.headers.authorization !== `Bearer ${token}`) {
      const r = problem(401, 'unauthorized', 'Bearer token missing or wrong');
      return reply({ ...r, headers: { ...r.headers, 'www-authenticate': 'Bearer' } });
    }
    let result: Reply;
    try {
      result = await route({ method: exchange.method, path: url.pathname, query: url.searchParams, idempotencyKey: key, body: requestBody });
    } catch (error) {
      result = problem(500, 'internal', error instanceof Error ? error.message : String(error));
    }
    // Committed, and now the answer is lost.
    if (fault?.kind === 'reset') return request.socket.destroy();
    if (fault?.kind === 'hang') return;
    reply(result);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      if (!response.headersSent) send(response, problem(500, 'internal', String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    exchanges,
    keyCount: (key) => exchanges.filter((e) => e.idempotencyKey === key).length,
    inject: faults.inject,
    chaos: faults.chaos,
    clearFaults: faults.clear,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await planning.close();
    },
  };
}
