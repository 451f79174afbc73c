/**
 * A preload for the bot under profile-human.ts (`NODE_ARGS="-r ./scripts/bench/bot-probe.cjs"
 * BOT_ENV='{"PROBE_OUT":"/tmp/probe.json"}'`), #15: what the bot's turns wait on, written as JSON
 * at exit, times in epoch ms:
 * - reqs: [start, ms, body read ms, url, x-bench-turn, monotonic start ms, monotonic end ms] per HTTP request;
 * - loop: [at, max, mean] event-loop delay per 100 ms (perf_hooks.monitorEventLoopDelay);
 * - gc: [at, ms, kind] (1 scavenge, 4 mark-compact, 8 incremental marking);
 * - ipc: [sent, round trip ms, method, id] per planning call; `${PROBE_OUT}.child`: [id, received, answered, method];
 * - redis: [sent, round trip ms, command] per Redis command.
 */
const { performance, monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
const fs = require('node:fs');
const http = require('node:http');
const cp = require('node:child_process');

const now = () => performance.timeOrigin + performance.now();
const file = process.env.PROBE_OUT;

if (process.send) {
  // the planning child (forked with the bot's flags): when each call came and was answered
  const calls = [];
  const received = new Map();
  const emit = process.emit;
  process.emit = function (event, m) {
    if (event === 'message' && m && m.type === 'call') received.set(m.id, [now(), m.method]);
    return emit.apply(this, arguments);
  };
  const send = process.send;
  process.send = function (m, ...rest) {
    const r = m && received.get(m.id);
    if (r) {
      received.delete(m.id);
      calls.push([m.id, r[0], now(), r[1]]);
    }
    return send.call(this, m, ...rest);
  };
  process.on('exit', () => file && fs.writeFileSync(`${file}.child`, JSON.stringify(calls)));
} else {
  const out = { reqs: [], loop: [], gc: [], ipc: [], redis: [] };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  setInterval(() => {
    out.loop.push([now(), delay.max / 1e6, delay.mean / 1e6]);
    delay.reset();
  }, 100).unref();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) out.gc.push([performance.timeOrigin + e.startTime, e.duration, e.detail ? e.detail.kind : e.kind]);
  }).observe({ entryTypes: ['gc'] });
  const serverEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    if (event === 'request') {
      const t0 = now();
      const m0 = Number(process.hrtime.bigint()) / 1e6;
      let body = -1;
      req.on('end', () => (body = now() - t0));
      res.on('finish', () => out.reqs.push([t0, now() - t0, body, req.url, req.headers['x-bench-turn'], m0, Number(process.hrtime.bigint()) / 1e6]));
    }
    return serverEmit.apply(this, arguments);
  };
  const fork = cp.fork;
  cp.fork = function () {
    const child = fork.apply(this, arguments);
    const sent = new Map();
    const send = child.send;
    child.send = function (m, ...rest) {
      if (m && m.type === 'call') sent.set(m.id, [now(), m.method]);
      return send.call(this, m, ...rest);
    };
    child.on('message', (m) => {
      const s = m && sent.get(m.id);
      if (!s) return;
      sent.delete(m.id);
      out.ipc.push([s[0], now() - s[0], s[1], m.id]);
    });
    return child;
  };
  try {
    const Redis = require(require.resolve('ioredis', { paths: [process.cwd()] })).default;
    const sendCommand = Redis.prototype.sendCommand;
    Redis.prototype.sendCommand = function (command, stream) {
      const t0 = now();
      const result = sendCommand.call(this, command, stream);
      if (command && command.promise) command.promise.then(() => out.redis.push([t0, now() - t0, command.name]), () => undefined);
      return result;
    };
  } catch (err) {
    console.error(`bot-probe: no ioredis to time (${err.message})`);
  }
  process.on('exit', () => file && fs.writeFileSync(file, JSON.stringify(out)));
}
