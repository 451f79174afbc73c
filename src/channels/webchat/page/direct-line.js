/*
 * A small Direct Line object for Web Chat, talking to the bot's own /api/webchat endpoint
 * instead of Azure Direct Line. Web Chat needs only:
 * - activity$: an observable of every activity of the conversation, the customer's own included:
 *   each posted activity must come back with its channelData.clientActivityID, or Web Chat
 *   shows "Send failed";
 * - connectionStatus$: an observable of 0 uninitialized, 1 connecting, 2 online,
 *   3 expired token, 4 failed to connect, 5 ended;
 * - postActivity(activity): an observable of the activity's id.
 * Replies of a turn come in the answer of its POST; what arrives later (an advisor) comes over
 * server-sent events, read with fetch because EventSource cannot send the Bearer token.
 * The bot forgets a conversation nobody wrote in after minutes (UNUSED_CONVERSATION_TTL_SECONDS):
 * the customer's first message then goes to a new one, opened on the spot; only a conversation
 * the customer had written in is reported as expired.
 */
(function (global) {
  'use strict';

  var STATUS = { uninitialized: 0, connecting: 1, online: 2, expiredToken: 3, failedToConnect: 4, ended: 5 };

  function toObserver(observerOrNext, error, complete) {
    if (observerOrNext && typeof observerOrNext === 'object') return observerOrNext;
    return { next: observerOrNext, error: error, complete: complete };
  }

  function call(observer, method, value) {
    if (observer && typeof observer[method] === 'function') observer[method](value);
  }

  /**
   * A hot observable, enough for Web Chat (it calls subscribe and unsubscribe, nothing else).
   * `initial` makes it hold a current value, given to each new subscriber (connectionStatus$).
   * `replay` gives each new subscriber everything emitted so far (activity$): Web Chat first
   * subscribes with a no-op observer to start the connection and subscribes for real only once
   * it is online, so the welcome would otherwise be lost. Web Chat drops an activity whose id it
   * already has, so a replay never shows twice. `onSubscribe` runs at the first subscription.
   */
  function subject(options) {
    var observers = [];
    var history = options.replay ? [] : null;
    var hasValue = 'initial' in options;
    var value = options.initial;
    var started = false;
    return {
      next: function (v) {
        if (hasValue) value = v;
        if (history) history.push(v);
        observers.slice().forEach(function (o) { call(o, 'next', v); });
      },
      get value() { return value; },
      subscribe: function (observerOrNext, error, complete) {
        var observer = toObserver(observerOrNext, error, complete);
        observers.push(observer);
        if (hasValue) call(observer, 'next', value);
        if (history) history.slice().forEach(function (v) { call(observer, 'next', v); });
        if (!started && options.onSubscribe) {
          started = true;
          options.onSubscribe();
        }
        var subscription = {
          closed: false,
          unsubscribe: function () {
            subscription.closed = true;
            observers = observers.filter(function (o) { return o !== observer; });
          }
        };
        return subscription;
      }
    };
  }

  /** A cold observable running `start(observer)` on subscribe; `start` returns a cancel function. */
  function observable(start) {
    return {
      subscribe: function (observerOrNext, error, complete) {
        var observer = toObserver(observerOrNext, error, complete);
        var closed = false;
        var guarded = {
          next: function (v) { if (!closed) call(observer, 'next', v); },
          error: function (e) { if (!closed) { closed = true; call(observer, 'error', e); } },
          complete: function () { if (!closed) { closed = true; call(observer, 'complete'); } }
        };
        var cancel = start(guarded);
        return {
          get closed() { return closed; },
          unsubscribe: function () { closed = true; if (typeof cancel === 'function') cancel(); }
        };
      }
    };
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  /** The bot's limits answer 429 (this conversation or address, slow down) or 503 (full for now), with Retry-After. */
  function refusedForNow(res) {
    return res.status === 429 || res.status === 503;
  }

  /** Retry-After in ms (0 when absent). */
  function retryAfterMs(res) {
    var seconds = Number(res.headers.get('retry-after'));
    return seconds > 0 ? seconds * 1000 : 0;
  }

  /** Reads server-sent events from a fetch body, calling onEvent({ id, event, data }). */
  async function readEvents(body, onEvent) {
    var reader = body.getReader();
    var decoder = new TextDecoder();
    var buffer = '';
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      var blocks = buffer.split(/\r?\n\r?\n/);
      buffer = blocks.pop();
      blocks.forEach(function (block) {
        var event = { id: undefined, event: 'message', data: '' };
        block.split(/\r?\n/).forEach(function (line) {
          if (!line || line.charAt(0) === ':') return;
          var colon = line.indexOf(':');
          var field = colon < 0 ? line : line.slice(0, colon);
          var value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') event.data += (event.data ? '\n' : '') + value;
          else if (field === 'id') event.id = value;
          else if (field === 'event') event.event = value;
        });
        if (event.data) onEvent(event);
      });
    }
  }

  /**
   * options: { baseUrl: '' (same origin), locale: 'it-IT', onProblem(kind): 'unavailable' |
   * 'expired' when the page should tell the customer, null once a message goes through again }.
   */
  function createConciergeDirectLine(options) {
    var base = (options && options.baseUrl) || '';
    var locale = options && options.locale;
    var onProblem = (options && options.onProblem) || function () {};
    // Like DirectLineJS, the conversation starts when Web Chat first subscribes to activity$.
    var activity$ = subject({ replay: true, onSubscribe: function () { start(); } });
    var connectionStatus$ = subject({ initial: STATUS.uninitialized });
    // { id, token, posted }: posted once the bot has answered a message of the customer's.
    var conversation = null;
    var reopening = null;
    var delivered = new Set();
    var lastEventId = null;
    var ended = false;
    var streamAbort = new AbortController();

    // Web Chat also drops an activity whose id it has, but a replayed stream event should not even reach it.
    function deliver(activity) {
      if (!activity || (activity.id && delivered.has(activity.id))) return;
      if (activity.id) delivered.add(activity.id);
      activity$.next(activity);
    }

    function problem(status, kind) {
      if (connectionStatus$.value !== status) connectionStatus$.next(status);
      onProblem(kind);
    }

    function api(path, init, current) {
      var headers = Object.assign({ 'content-type': 'application/json' }, init && init.headers);
      if (current) headers.authorization = 'Bearer ' + current.token;
      return fetch(base + '/api/webchat/conversations' + path, Object.assign({}, init, { headers: headers, cache: 'no-store' }));
    }

    /** Opens a conversation: its id and token, and the welcome's activities. */
    async function open() {
      var res = await api('', { method: 'POST', body: JSON.stringify({ locale: locale }) });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      var body = await res.json();
      return { conversation: { id: body.conversationId, token: body.token, posted: false }, activities: body.activities || [] };
    }

    async function start() {
      connectionStatus$.next(STATUS.connecting);
      try {
        var opened = await open();
        conversation = opened.conversation;
        connectionStatus$.next(STATUS.online);
        opened.activities.forEach(deliver);
        listen(conversation);
      } catch (err) {
        problem(STATUS.failedToConnect, 'unavailable');
      }
    }

    /**
     * The bot forgot `stale`, a conversation the customer never wrote in (it keeps those only
     * minutes): nothing was lost, so a new one replaces it, without a second welcome — the
     * customer is answered there. Messages posted at once share one replacement.
     */
    function reopen(stale) {
      if (conversation !== stale) return Promise.resolve(conversation);
      if (!reopening) {
        reopening = open().then(function (opened) {
          conversation = opened.conversation;
          lastEventId = null;
          streamAbort.abort();
          streamAbort = new AbortController();
          listen(conversation);
          return conversation;
        });
        reopening.then(function () { reopening = null; }, function () { reopening = null; });
      }
      return reopening;
    }

    /** The stream of `current` until the page ends or another conversation replaces it. */
    async function listen(current) {
      var delay = 1000;
      var signal = streamAbort.signal;
      while (!ended && conversation === current) {
        try {
          var headers = { accept: 'text/event-stream' };
          if (lastEventId !== null) headers['last-event-id'] = lastEventId;
          var res = await api('/' + encodeURIComponent(current.id) + '/stream', { headers: headers, signal: signal }, current);
          if (res.status === 401 || res.status === 404) {
            // Never written in: nothing is lost, the customer's next message opens a new one (reopen).
            if (!current.posted) return;
            return problem(STATUS.expiredToken, 'expired');
          }
          // No place for a stream right now: wait at least as long as the bot asks, then try again.
          if (refusedForNow(res)) delay = Math.max(delay, retryAfterMs(res));
          if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
          if (connectionStatus$.value !== STATUS.online) connectionStatus$.next(STATUS.online);
          delay = 1000;
          await readEvents(res.body, function (event) {
            if (conversation !== current) return;
            if (event.id !== undefined) lastEventId = event.id;
            if (event.event === 'activity') deliver(JSON.parse(event.data));
          });
        } catch (err) {
          if (ended || signal.aborted) return;
        }
        // The stream ended (the bot restarted, a proxy cut it): reconnect, catching up by Last-Event-ID.
        await sleep(delay);
        delay = Math.min(delay * 2, 30000);
      }
    }

    function send(current, outgoing) {
      return api('/' + encodeURIComponent(current.id) + '/activities', { method: 'POST', body: JSON.stringify(outgoing) }, current)
        .then(function (res) { return { res: res, to: current }; });
    }

    function postActivity(activity) {
      return observable(function (observer) {
        if (!conversation || ended) {
          observer.error(new Error('not connected'));
          return undefined;
        }
        var outgoing = Object.assign({}, activity, { locale: activity.locale || locale });
        send(conversation, outgoing)
          .then(function (sent) {
            if (sent.res.status !== 401 || sent.to.posted) return sent;
            // Forgotten before the customer wrote anything: say it in a new conversation.
            return reopen(sent.to).then(
              function (fresh) { return send(fresh, outgoing); },
              function (err) {
                onProblem('unavailable');
                throw err;
              }
            );
          })
          .then(function (sent) {
            var res = sent.res;
            if (res.status === 401) {
              problem(STATUS.expiredToken, 'expired');
              throw new Error('conversation expired');
            }
            // Too many messages, or the bot is busy: Web Chat offers to send it again; the page says why.
            if (refusedForNow(res)) onProblem('unavailable');
            if (!res.ok) throw new Error('HTTP ' + res.status);
            sent.to.posted = true;
            return res.json();
          })
          .then(function (answer) {
            onProblem(null);
            // The echo first (Web Chat marks the message as sent), then the bot's replies.
            deliver(answer.echo);
            (answer.activities || []).forEach(deliver);
            observer.next(answer.id);
            observer.complete();
          })
          .catch(function (err) { observer.error(err); });
        return undefined;
      });
    }

    function end() {
      ended = true;
      streamAbort.abort();
      connectionStatus$.next(STATUS.ended);
    }

    return { activity$: activity$, connectionStatus$: connectionStatus$, postActivity: postActivity, end: end };
  }

  global.createConciergeDirectLine = createConciergeDirectLine;
})(window);
