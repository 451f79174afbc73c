/**
 * The floor of the benchmark: a bare botbuilder echo bot on the same stack as the real one
 * (restify 11, the same body parser, CloudAdapter without authentication, expectReplies). It
 * reports its port over IPC and answers `{ cpu: true }` with its process.cpuUsage().
 */
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.use(restify.plugins.queryParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity(`echo: ${context.activity.text}`);
    else if (context.activity.type === ActivityTypes.ConversationUpdate) await context.sendActivity('welcome');
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as { port: number }).port }));
process.on('message', (m: { cpu?: boolean }) => {
  if (m.cpu) process.send?.({ cpu: process.cpuUsage() });
});
