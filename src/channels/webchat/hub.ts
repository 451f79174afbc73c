/**
 * Messages that reach a web chat conversation after its turn — an advisor's answer, a reminder —
 * go to the browser over server-sent events. `push()` stamps the activity and hands it to the
 * web chat's state (state.ts), which keeps it in the conversation's backlog and tells the streams
 * of every instance (Redis pub/sub with REDIS_URL): a browser's stream may be held by any
 * instance, and one that connects late, or reconnects with `Last-Event-ID` to another instance,
 * catches up from the shared backlog. Heartbeats keep proxies from closing idle streams; `close()`
 * ends every stream so that the server can shut down.
 *
 * Streams hold a place each (src/limits/slots.ts): a few per conversation, a bounded number in
 * all, per instance. The place is released when the stream closes; a forgotten conversation's
 * streams are ended.
 * @module
 */
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Response } from 'restify';
import { pacedLog, type PacedLog } from '../../http/paced-log';
import { busy, tooMany } from '../../http/refuse';
import { Slots } from '../../limits/slots';
import type { WebChatConversation } from './conversations';
import { fromBot, type BotIdentity } from './outbound';
import type { StateEvent, StreamEvent, WebChatState } from './state';

export interface HubOptions {
  heartbeatMs: number;
  /** Pushed activities kept per conversation for late or reconnecting streams. */
  backlog: number;
  /** Open streams per conversation (STREAMS_PER_CONVERSATION) and in all (STREAMS_MAX). */
  streamsPerConversation: number;
  streamsMax: number;
}

export const DEFAULT_HUB_OPTIONS: HubOptions = { heartbeatMs: 20_000, backlog: 50, streamsPerConversation: 4, streamsMax: 2000 };

const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // nginx and similar proxies would otherwise buffer the stream.
  'x-accel-buffering': 'no',
};

/** A refused stream may try again after this long, in seconds: places free up as streams close. */
const STREAM_RETRY_SECONDS = 5;
/** A stream closed by a shutdown: the page reconnects after 1–2 s. */
const SHUTDOWN_RETRY_MS = 1000;

/** One open stream: the last event it was sent, and the live events that came while its backlog was read. */
interface Stream {
  res: Response;
  last: number;
  waiting?: StreamEvent[];
}

export class WebChatHub {
  /** This instance's open streams, by conversation id. */
  private readonly streams = new Map<string, Set<Stream>>();
  private readonly timer: NodeJS.Timeout;
  private readonly places: Slots;
  /** A token asking for stream after stream is refused each time: logged once a minute. */
  private readonly refused: PacedLog;
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly state: WebChatState,
    private readonly bot: BotIdentity,
    private readonly logger: Logger,
    private readonly options: HubOptions = DEFAULT_HUB_OPTIONS,
  ) {
    this.places = new Slots({ perKey: options.streamsPerConversation, total: options.streamsMax });
    this.refused = pacedLog(logger);
    this.timer = setInterval(() => void this.heartbeat(), options.heartbeatMs);
    this.timer.unref();
    this.unsubscribe = state.subscribe((event) => this.hear(event));
  }

  /**
   * Sends an activity from the bot (or an advisor, with its own `from`) to a web chat
   * conversation, by its id or its engine id `webchat:<id>`, whichever instance holds its
   * streams. False when the conversation is unknown (ended, expired) or the hub is closed.
   */
  async push(conversationId: string, activity: Partial<Activity>): Promise<boolean> {
    if (this.closed) return false;
    const conversation = await this.state.get(conversationId);
    if (!conversation) return false;
    return (await this.state.push(conversation, fromBot(conversation, this.bot, { type: 'message', ...activity }))) !== undefined;
  }

  /**
   * Serves the conversation's stream on `res` until the browser leaves or the hub closes. Without
   * a place: 429 when this conversation holds all of its own, 503 when the instance is full.
   */
  async attach(conversation: WebChatConversation, res: Response, lastEventId: string | undefined): Promise<void> {
    if (this.closed) return busy(res, STREAM_RETRY_SECONDS);
    const release = this.places.enter(conversation.id);
    if (!release) {
      const full = this.places.size >= this.options.streamsMax;
      this.refused('streams', 'warn', { conversation: conversation.engineId, streams: this.places.size, full }, 'web chat stream refused: no place');
      return full ? busy(res, STREAM_RETRY_SECONDS) : tooMany(res, STREAM_RETRY_SECONDS);
    }
    const after = lastEventId !== undefined && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : -1;
    // Live events are heard from now on and held back until the backlog has been sent: none is lost or sent twice.
    const stream: Stream = { res, last: after, waiting: [] };
    let set = this.streams.get(conversation.id);
    if (!set) this.streams.set(conversation.id, (set = new Set()));
    set.add(stream);
    res.on('close', () => {
      const open = this.streams.get(conversation.id);
      open?.delete(stream);
      if (open?.size === 0) this.streams.delete(conversation.id);
      release();
    });
    res.writeHead(200, STREAM_HEADERS);
    res.write('retry: 3000\n\n');
    let backlog: StreamEvent[] = [];
    try {
      backlog = await this.state.backlog(conversation.id, after);
    } catch (err) {
      // Without its backlog the stream still carries what comes next; the page catches up on its next reconnect.
      this.logger.warn({ err, conversation: conversation.engineId }, 'web chat backlog not read');
    }
    const waiting = stream.waiting ?? [];
    delete stream.waiting;
    for (const event of [...backlog, ...waiting]) this.send(stream, event);
  }

  /** A HEAD of the stream: its headers, and the end (no place taken, nothing held open). */
  head(res: Response): void {
    res.writeHead(200, STREAM_HEADERS);
    res.end();
  }

  /**
   * Ends every stream and stops the heartbeats (the server is shutting down). Each stream ends
   * with a retry hint: the page reconnects — through the load balancer, to another instance — after
   * a spread-out moment rather than all at once.
   */
  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    this.unsubscribe();
    for (const set of this.streams.values()) {
      for (const stream of set) stream.res.end(`retry: ${SHUTDOWN_RETRY_MS + Math.floor(Math.random() * SHUTDOWN_RETRY_MS)}\n\n`);
    }
    this.streams.clear();
    void this.state.close().catch((err) => this.logger.warn({ err }, 'web chat state not closed'));
  }

  private hear(event: StateEvent): void {
    const set = this.streams.get(event.conversationId);
    if (!set) return;
    if (event.kind === 'forget') {
      // The conversation was forgotten (expired): its streams end.
      this.streams.delete(event.conversationId);
      for (const stream of set) stream.res.end();
      return;
    }
    for (const stream of set) {
      if (stream.waiting) stream.waiting.push(event.event);
      else this.send(stream, event.event);
    }
  }

  private send(stream: Stream, event: StreamEvent): void {
    if (event.seq <= stream.last) return;
    stream.last = event.seq;
    stream.res.write(`id: ${event.seq}\nevent: activity\ndata: ${event.data}\n\n`);
  }

  private async heartbeat(): Promise<void> {
    try {
      // Expired conversations go now rather than when next met, and their streams with them.
      await this.state.sweep();
    } catch (err) {
      this.logger.warn({ err }, 'web chat sweep failed');
    }
    for (const set of this.streams.values()) for (const stream of set) stream.res.write(': keep-alive\n\n');
    this.logger.trace({ conversations: this.streams.size }, 'web chat heartbeat');
  }
}
