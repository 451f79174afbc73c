/** Starting the echo bot or bot instances as child processes, and reading their CPU time over IPC. */
import path from 'node:path';
import { startInstance, whenReady, type Instance } from '../../test/support/bot-client';

export interface Servers {
  bases: string[];
  /** Total CPU time (user + system) of the server processes so far, ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** `echo`: the bare echo bot; `echo-cached`: the echo bot keeping connector clients as the bot does; `bot`: the app with `env`. */
export async function startServers(kind: 'echo' | 'echo-cached' | 'bot', n: number, env: Record<string, string> = {}): Promise<Servers> {
  const entry = path.join(__dirname, kind === 'bot' ? 'bot-server.ts' : 'echo-bot.ts');
  const args = kind === 'bot' ? [JSON.stringify(env)] : kind === 'echo-cached' ? ['cached'] : [];
  const instances: Instance[] = [];
  for (let i = 0; i < n; i++) instances.push(await startInstance(entry, args));
  // The bot's Redis client fails fast until connected: wait as a load balancer would.
  if (kind === 'bot') await Promise.all(instances.map((i) => whenReady(i.base)));
  return {
    bases: instances.map((i) => i.base),
    async cpuMs() {
      const usages = await Promise.all(instances.map((i) => {
        const reply = i.next<{ cpu: NodeJS.CpuUsage }>((m) => m.cpu !== undefined);
        i.process.send({ cpu: true });
        return reply;
      }));
      return usages.reduce((sum, { cpu }) => sum + (cpu.user + cpu.system) / 1000, 0);
    },
    stop: async () => {
      await Promise.all(instances.map((i) => i.kill()));
    },
  };
}
