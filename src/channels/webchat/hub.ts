/**
 * Messages that reach a web chat conversation after its turn — an advisor's answer, a reminder —
 * go to the browser over server-sent events. `push()` stamps the activity and sends it to the
 * conversation's open streams; a short backlog lets a stream that connects late, or reconnects
 * with `Last-Event-ID`, catch up. Heartbeats keep proxies from closing idle streams; `close()`
 * ends every stream so that the server can shut down.
 * @module
 */
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Response } from 'restify';
import type { WebChatConversation, WebChatConversations } from './conversations';
import { stampFromBot, type BotIdentity } from './outbound';

export interface HubOptions {
  heartbeatMs: number;
  /** Pushed activities kept per conversation for late or reconnecting streams. */
  backlog: number;
}

interface Channel {
  streams: Set<Response>;
  backlog: { seq: number; data: string }[];
  nextSeq: number;
}

export class WebChatHub {
  private readonly channels = new Map<string, Channel>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly conversations: WebChatConversations,
    private readonly bot: BotIdentity,
    private readonly logger: Logger,
    private readonly options: HubOptions = { heartbeatMs: 20_000, backlog: 50 },
  ) {
    this.timer = setInterval(() => this.heartbeat(), options.heartbeatMs);
    this.timer.unref();
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

  /** Serves the conversation's stream on `res` until the browser leaves or the hub closes. */
  attach(conversation: WebChatConversation, res: Response, lastEventId: string | undefined): void {
    if (this.closed) {
      res.sendRaw(503, '', { 'retry-after': '5' });
      return;
    }
    const channel = this.channel(conversation.id);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const after = lastEventId !== undefined && /^\d+$/.test(lastEventId) ? Number(lastEventId) : -1;
    for (const event of channel.backlog) if (event.seq > after) res.write(frame(event));
    channel.streams.add(res);
    res.on('close', () => channel.streams.delete(res));
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

  private heartbeat(): void {
    for (const [id, channel] of this.channels) {
      // A forgotten conversation's channel goes too, once nobody listens.
      if (!this.conversations.get(id) && channel.streams.size === 0) {
        this.channels.delete(id);
        continue;
      }
      for (const res of channel.streams) res.write(': keep-alive\n\n');
    }
    this.logger.trace({ channels: this.channels.size }, 'web chat heartbeat');
  }
}

function frame(event: { seq: number; data: string }): string {
  return `id: ${event.seq}\nevent: activity\ndata: ${event.data}\n\n`;
}
