/**
 * A stand-in for the Bot Framework Connector service (the conversation's `serviceUrl`) on
 * loopback (port 0). It records every `POST /v3/conversations/:conversationId/activities` — and
 * `…/activities/:replyToId`, which botbuilder uses when the outgoing activity replies to one —
 * with its headers and JSON body, and answers `{ id }` like the Connector does (or the failure it
 * was told to give). Anything else gets 404 (and is recorded too, so that a test sees it).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The decoded conversation id of the path, when it is an activities path. */
  conversationId?: string;
  /** The decoded activity id the activity replies to (`…/activities/:replyToId`). */
  replyToId?: string;
  body: Record<string, any>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

export class ConnectorStandIn {
  readonly requests: ConnectorRequest[] = [];
  private readonly failures: { status: number; body?: unknown }[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private server?: http.Server;
  private seq = 0;
  /** The service URL to put in activities, with a trailing slash like the channels send it. */
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Record<string, any> = {};
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          body = { unparsable: text };
        }
        const path = (req.url ?? '').split('?')[0];
        const match = req.method === 'POST' ? ACTIVITIES.exec(path) : null;
        this.requests.push({
          method: req.method ?? '', url: req.url ?? '', headers: req.headers, body,
          ...(match ? { conversationId: decodeURIComponent(match[1]) } : {}),
          ...(match?.[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        });
        const failure = match ? this.failures.shift() : undefined;
        if (failure) {
          res.writeHead(failure.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(failure.body ?? { error: { code: 'BotNotInConversationRoster', message: 'stand-in failure' } }));
        } else if (match) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `activity-${++this.seq}` }));
        } else {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${path}` } }));
        }
        this.notify();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** The next `n` activity posts get this answer (e.g. 403: the customer removed the bot). */
  failNext(n: number, failure: { status: number; body?: unknown }): void {
    for (let i = 0; i < n; i++) this.failures.push(failure);
  }

  /** The activities posted to conversations, in order. */
  get activities(): ConnectorRequest[] {
    return this.requests.filter((r) => r.conversationId !== undefined);
  }

  /** Resolves once `count` requests in total have been received; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs = 5000): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`connector stand-in: ${this.requests.length} requests, waited for ${count}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  reset(): void {
    this.requests.length = 0;
    this.failures.length = 0;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    // The connector client keeps its connections alive: close them too, or close() waits.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (this.requests.length >= w.count) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }
}
