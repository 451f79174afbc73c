/**
 * A loopback HTTP stand-in for an outside JSON API: it records every request, answers queued (or
 * standing) faults first, and leaves the documented answers to its subclass (CLU, OpenAI).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answers only after this long (a slow service); 0 or absent: at once. */
  delayMs?: number;
}

export interface RecordedRequest {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export abstract class JsonStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  /** Fault every request until cleared. */
  down?: Fault;
  url = '';
  private server?: http.Server;

  /** The service's own Content-Type for JSON. */
  protected abstract readonly contentType: string;
  protected abstract fail(res: http.ServerResponse, fault: Fault): void;
  protected abstract answer(req: http.IncomingMessage, res: http.ServerResponse, body: any): void;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: any;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        this.requests.push({ url: req.url ?? '', headers: req.headers, body });
        const fault = this.down ?? this.faults.shift();
        const send = () => (fault ? this.fail(res, fault) : this.answer(req, res, body));
        if (fault?.delayMs) setTimeout(send, fault.delayMs).unref();
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  protected json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': this.contentType, ...headers });
    res.end(JSON.stringify(body));
  }
}
