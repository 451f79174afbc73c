/**
 * The floor of the benchmark: a bare botbuilder echo bot on the same stack as the real one
 * (restify 11, the same body parser, CloudAdapter without authentication, expectReplies). With
 * `cached` (argv[2]) it uses the bot's own ChannelAuthentication, which keeps connector clients
 * instead of building one per activity: the floor for a bot that does the same. It reports its
 * port over IPC and answers `{ cpu: true }` with its process.cpuUsage().
 */
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { ChannelAuthentication } from '../../src/channels/botframework/authentication';

const cached = process.argv[2] === 'cached';
const adapter = new CloudAdapter(cached ? new ChannelAuthentication({}) : new ConfigurationBotFrameworkAuthentication({}));
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
