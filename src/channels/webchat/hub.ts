/**
 * Messages that reach a web chat conversation after its turn — an advisor's answer, a reminder —
 * go to the browser over server-sent events. `push()` stamps the activity and sends it to the
 * conversation's open streams; a short backlog lets a stream that connects late, or reconnects
 * with `Last-Event-ID`, catch up. Heartbeats keep proxies from closing idle streams; `close()`
 * ends every stream so that the server can shut down.
 *
 * Streams hold a place each (src/limits/slots.ts): a few per conversation, a bounded number in
 * all. The place is released when the stream closes; a forgotten conversation's streams are ended.
 * @module
 */
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Response } from 'restify';
import { pacedLog, type PacedLog } from '../../http/paced-log';
import { busy, tooMany } from '../../http/refuse';
import { Slots } from '../../limits/slots';
import type { WebChatConversation, WebChatConversations } from './conversations';
import { stampFromBot, type BotIdentity } from './outbound';

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

interface Channel {
  streams: Set<Response>;
  backlog: { seq: number; data: string }[];
  nextSeq: number;
}

export class WebChatHub {
  private readonly channels = new Map<string, Channel>();
  private readonly timer: NodeJS.Timeout;
  private readonly places: Slots;
  /** A token asking for stream after stream is refused each time: logged once a minute. */
  private readonly refused: PacedLog;
  private closed = false;

  constructor(
    private readonly conversations: WebChatConversations,
    private readonly bot: BotIdentity,
    private readonly logger: Logger,
    private readonly options: HubOptions = DEFAULT_HUB_OPTIONS,
  ) {
    this.places = new Slots({ perKey: options.streamsPerConversation, total: options.streamsMax });
    this.refused = pacedLog(logger);
    this.timer = setInterval(() => this.heartbeat(), options.heartbeatMs);
    this.timer.unref();
    conversations.onForget((id) => this.forget(id));
  }

  /**
   * Sends an activity from the bot (or an advisor, with its own `from`) to a web chat
   * conversation, by its id or its engine id `webchat:<id>`. False when the conversation is
   * unknown here (ended, expired, or served by another instance).
   */
  push(conversationId: string, activity: Partial<Activity>): boolean {
    const conversation = this.conversations.get(conversationId);
    if (!conversation || this.closed) return false;
    const stamped = stampFromBot(conversation, this.bot, { type: 'message', ...activity });
    const channel = this.channel(conversation.id);
    const event = { seq: channel.nextSeq++, data: JSON.stringify(stamped) };
    channel.backlog.push(event);
    if (channel.backlog.length > this.options.backlog) channel.backlog.shift();
    for (const res of channel.streams) res.write(frame(event));
    return true;
  }

  /**
   * Serves the conversation's stream on `res` until the browser leaves or the hub closes. Without
   * a place: 429 when this conversation holds all of its own, 503 when the instance is full.
   */
  attach(conversation: WebChatConversation, res: Response, lastEventId: string | undefined): void {
    if (this.closed) return busy(res, STREAM_RETRY_SECONDS);
    const release = this.places.enter(conversation.id);
    if (!release) {
      const full = this.places.size >= this.options.streamsMax;
      this.refused('streams', 'warn', { conversation: conversation.engineId, streams: this.places.size, full }, 'web chat stream refused: no place');
      return full ? busy(res, STREAM_RETRY_SECONDS) : tooMany(res, STREAM_RETRY_SECONDS);
    }
    const channel = this.channel(conversation.id);
    res.writeHead(200, STREAM_HEADERS);
    res.write('retry: 3000\n\n');
    const after = lastEventId !== undefined && /^\d+$/.test(lastEventId) ? Number(lastEventId) : -1;
    for (const event of channel.backlog) if (event.seq > after) res.write(frame(event));
    channel.streams.add(res);
    res.on('close', () => {
      channel.streams.delete(res);
      release();
    });
  }

  /** A HEAD of the stream: its headers, and the end (no place taken, nothing held open). */
  head(res: Response): void {
    res.writeHead(200, STREAM_HEADERS);
    res.end();
  }

  /** Ends every stream and stops the heartbeats (the server is shutting down). */
  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    for (const channel of this.channels.values()) {
      for (const res of channel.streams) res.end();
      channel.streams.clear();
    }
  }

  private channel(id: string): Channel {
    let channel = this.channels.get(id);
    if (!channel) {
      channel = { streams: new Set(), backlog: [], nextSeq: 0 };
      this.channels.set(id, channel);
    }
    return channel;
  }

  /** The conversation was forgotten (expired): its streams end, its backlog goes. */
  private forget(id: string): void {
    const channel = this.channels.get(id);
    if (!channel) return;
    this.channels.delete(id);
    for (const res of channel.streams) res.end();
  }

  private heartbeat(): void {
    // Expired conversations go now rather than when next met, and their streams with them.
    this.conversations.sweep();
    for (const channel of this.channels.values()) for (const res of channel.streams) res.write(': keep-alive\n\n');
    this.logger.trace({ channels: this.channels.size }, 'web chat heartbeat');
  }
}

function frame(event: { seq: number; data: string }): string {
  return `id: ${event.seq}\nevent: activity\ndata: ${event.data}\n\n`;
}
