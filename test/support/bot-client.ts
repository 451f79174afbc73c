/**
 * Talking to a bot instance over HTTP as a Bot Framework channel does, with
 * `deliveryMode: expectReplies`, and starting instances as separate processes.
 */
import { fork, type ChildProcess } from 'node:child_process';

export interface Activity {
  type: string;
  name?: string;
  text?: string;
  inputHint?: string;
  channelData?: { awaiting?: string; booking?: Record<string, string> };
  suggestedActions?: { actions: { type: string; title: string; value: string }[] };
  attachments?: { name?: string; contentType: string; content: unknown }[];
}

export interface Reply {
  status: number;
  activities: Activity[];
}

/** POSTs one activity; `id` is the channel's message id (repeat it to simulate a retry). */
export async function postActivity(base: string, conversation: string, activity: Record<string, unknown>): Promise<Reply> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:1',
      conversation: { id: conversation },
      from: { id: `user-${conversation}`, name: 'Customer' },
      recipient: { id: 'bot', name: 'Bot' },
      deliveryMode: 'expectReplies',
      locale: 'it-IT',
      ...activity,
    }),
  });
  const body = res.status === 200 ? ((await res.json()) as { activities?: Activity[] }) : {};
  return { status: res.status, activities: body.activities ?? [] };
}

export const message = (id: string, text: string) => ({ type: 'message', id, text });
export const joins = (id: string) => ({ type: 'conversationUpdate', id, membersAdded: [{ id: 'customer' }] });

export const awaiting = (r: Reply) => r.activities.findLast((a) => a.channelData?.awaiting)?.channelData?.awaiting;
export const booking = (r: Reply) => r.activities.find((a) => a.channelData?.booking)?.channelData?.booking;
export const text = (r: Reply) => r.activities.map((a) => a.text ?? '').join('\n');

/** Waits until the instance answers /readyz with 200 (its stores answer): a load balancer's view. */
export async function whenReady(base: string): Promise<void> {
  for (;;) {
    const status = await fetch(`${base}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Instance {
  base: string;
  process: ChildProcess;
  /** The next IPC message matching `match` (rejects if the process exits first). */
  next<T = Record<string, unknown>>(match: (m: Record<string, unknown>) => boolean): Promise<T>;
  kill(): Promise<void>;
}

/** Forks `entry` (a server child reporting `{ port }` or `{ error }` over IPC). */
export async function startInstance(entry: string, args: string[]): Promise<Instance> {
  const child = fork(entry, args, { execArgv: ['-r', 'tsx/cjs'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code, signal) => reject(new Error(`instance exited (${code ?? signal})`))));
  exited.catch(() => undefined);
  const next = <T>(match: (m: Record<string, unknown>) => boolean) =>
    Promise.race([
      new Promise<T>((resolve, reject) => {
        const on = (m: Record<string, unknown>) => {
          if (m?.error) reject(new Error(String(m.error)));
          else if (match(m)) {
            child.off('message', on);
            resolve(m as T);
          }
        };
        child.on('message', on);
      }),
      exited,
    ]);
  const { port } = await next<{ port: number }>((m) => typeof m.port === 'number');
  return {
    base: `http://127.0.0.1:${port}`,
    process: child,
    next,
    kill: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    }),
  };
}
