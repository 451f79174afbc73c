// The floor of the bench: the strict yardstick's bare echo bot (/work/shared/bench/echo/index.js:
// restify 11 + botbuilder CloudAdapter, anonymous auth), line for line. With `cached` (argv[2])
// the adapter takes the bot's own ChannelAuthentication from the build (dist/), which keeps its
// connector clients instead of building them per activity: the floor for a bot that does so.
// Usage: PORT=3979 node echo-bot.cjs [cached]
'use strict';
const path = require('path');
const restify = require('restify');
const {
    ActivityHandler,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    MessageFactory
} = require('botbuilder');

class EchoBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            const replyText = `Echo: ${ context.activity.text }`;
            await context.sendActivity(MessageFactory.text(replyText, replyText));
            await next();
        });
    }
}

const Authentication = process.argv[2] === 'cached'
    ? require(path.join(__dirname, '../../dist/src/channels/botframework/authentication')).ChannelAuthentication
    : ConfigurationBotFrameworkAuthentication;
const auth = new Authentication({}); // no app id -> anonymous
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
    console.error(`[onTurnError] ${ error }`);
    await context.sendActivity('The bot encountered an error or bug.');
};
const bot = new EchoBot();

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
});
const port = Number(process.env.PORT || 3979);
server.listen(port, '127.0.0.1', () => console.log(`echo bot listening on ${ server.url } pid=${ process.pid }`));
