/**
 * A stand-in for Meta's Graph API on loopback (port 0): records every request with its headers
 * and JSON body, answers like Meta (`{ messages: [{ id: "wamid…" }] }`), and can be told to fail
 * the next N requests (500, 429, or a Meta error body). Like Meta, it rejects (400) a message
 * that breaks a length limit, and says why in `violations`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, any>;
}

export interface Failure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class GraphStandIn {
  readonly requests: GraphRequest[] = [];
  readonly violations: string[] = [];
  private readonly failures: Failure[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private server?: http.Server;
  private seq = 0;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const text = raw.toString('utf8');
        let body: Record<string, any> = {};
        const contentType = req.headers['content-type'] ?? '';
        if (contentType.startsWith('multipart/form-data')) {
          body = await multipart(raw, contentType);
        } else {
          try {
            body = text ? JSON.parse(text) : {};
          } catch {
            body = { unparsable: text };
          }
        }
        this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        const failure = this.failures.shift();
        const upload = req.url?.endsWith('/media') ?? false;
        const broken = upload ? uploadViolations(body) : violations(body);
        if (broken.length) this.violations.push(...broken);
        if (!failure && broken.length) {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: broken.join('; '), code: 131009 } }));
        } else if (failure) {
          res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
          res.end(JSON.stringify(failure.body ?? { error: { message: 'stand-in failure', code: 1 } }));
        } else if (upload) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `media-${++this.seq}` }));
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.out-${++this.seq}` }] }));
        }
        this.notify();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v21.0`;
    return this;
  }

  /** The next `n` requests get this answer. */
  failNext(n: number, failure: Failure): void {
    for (let i = 0; i < n; i++) this.failures.push(failure);
  }

  /** Resolves once `count` requests in total have been received. */
  waitFor(count: number, timeoutMs = 5000): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stand-in: ${this.requests.length} requests, waited for ${count}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Media uploaded (multipart bodies: messaging_product, type, file { name, type, text }). */
  get uploads(): Record<string, any>[] {
    return this.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/media')).map((r) => r.body);
  }

  /** Messages sent to the API, in order (template, text or interactive bodies). */
  get messages(): Record<string, any>[] {
    return this.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/messages')).map((r) => r.body);
  }

  /** Resolves once no request has arrived for `quietMs` (the bot has finished answering). */
  async settled(quietMs = 300, timeoutMs = 8000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let count = -1;
    while (count !== this.requests.length) {
      if (Date.now() > deadline) throw new Error('stand-in: still receiving');
      count = this.requests.length;
      await new Promise((r) => setTimeout(r, quietMs));
    }
  }

  reset(): void {
    this.violations.length = 0;
    this.requests.length = 0;
    this.failures.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
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

const LIMITS = { text: 4096, buttons: 3, buttonTitle: 20, buttonId: 256, buttonBody: 1024, rows: 10, rowTitle: 24, rowId: 200, rowDescription: 72, listButton: 20, sectionTitle: 24, listBody: 4096 };

/** Every WhatsApp limit (FACTS.md) a message body breaks; empty when Meta would accept it. */
export function violations(body: Record<string, any>): string[] {
  const out: string[] = [];
  const check = (what: string, value: unknown, max: number, required = true) => {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || value.trim().length === 0) out.push(`${what}: missing or empty`);
    else if (value.length > max) out.push(`${what}: ${value.length} > ${max} (${JSON.stringify(value)})`);
  };
  if (body.messaging_product !== 'whatsapp') out.push('messaging_product');
  if (!body.to && !body.recipient) out.push('no recipient');
  if (body.type === 'text') check('text.body', body.text?.body, LIMITS.text);
  else if (body.type === 'interactive') {
    const i = body.interactive ?? {};
    if (i.type === 'button') {
      check('button body', i.body?.text, LIMITS.buttonBody);
      const buttons: any[] = i.action?.buttons ?? [];
      if (buttons.length < 1 || buttons.length > LIMITS.buttons) out.push(`buttons: ${buttons.length}`);
      const titles = buttons.map((b) => b.reply?.title);
      if (new Set(titles).size !== titles.length) out.push('buttons: duplicate titles');
      for (const b of buttons) {
        check('button title', b.reply?.title, LIMITS.buttonTitle);
        check('button id', b.reply?.id, LIMITS.buttonId);
      }
    } else if (i.type === 'list') {
      check('list body', i.body?.text, LIMITS.listBody);
      check('list button', i.action?.button, LIMITS.listButton);
      const sections: any[] = i.action?.sections ?? [];
      const rows = sections.flatMap((s) => s.rows ?? []);
      if (rows.length < 1 || rows.length > LIMITS.rows) out.push(`rows: ${rows.length}`);
      if (sections.length > 1) for (const s of sections) check('section title', s.title, LIMITS.sectionTitle);
      else check('section title', sections[0]?.title, LIMITS.sectionTitle, false);
      const ids = rows.map((r) => r.id);
      if (new Set(ids).size !== ids.length) out.push('rows: duplicate ids');
      for (const r of rows) {
        check('row title', r.title, LIMITS.rowTitle);
        check('row id', r.id, LIMITS.rowId);
        check('row description', r.description, LIMITS.rowDescription, false);
      }
    } else out.push(`interactive type ${i.type}`);
  } else if (body.type === 'template') check('template name', body.template?.name, 512);
  else if (body.type === 'document') {
    // a media id from an upload, or a link; a filename with its extension; a caption up to 1024
    if (!body.document?.id === !body.document?.link) out.push('document: exactly one of id or link');
    check('document filename', body.document?.filename, 240, false);
    check('document caption', body.document?.caption, 1024, false);
  }
  else out.push(`type ${body.type}`);
  return out;
}

/** Meta's media upload (multipart): `messaging_product`, `type` (a supported MIME type) and `file`. */
async function multipart(raw: Buffer, contentType: string): Promise<Record<string, any>> {
  try {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const file = form.get('file');
    return {
      messaging_product: form.get('messaging_product'),
      type: form.get('type'),
      file: file && typeof file !== 'string' ? { name: (file as File).name, type: file.type, text: await file.text() } : file,
    };
  } catch {
    return { unparsable: 'multipart' };
  }
}

/** Documents WhatsApp accepts (Meta's supported media types); a calendar file goes as text/plain. */
const DOCUMENT_TYPES = new Set(['text/plain', 'application/pdf', 'application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint']);

export function uploadViolations(body: Record<string, any>): string[] {
  const out: string[] = [];
  if (body.messaging_product !== 'whatsapp') out.push('upload: messaging_product');
  if (!DOCUMENT_TYPES.has(body.type)) out.push(`upload: type ${body.type}`);
  if (!body.file || typeof body.file !== 'object' || !body.file.text) out.push('upload: no file');
  return out;
}
