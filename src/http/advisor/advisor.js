/*
 * The advisor console's state and wiring: the session (an HttpOnly cookie the page never sees,
 * plus the CSRF token sent in a header on every POST), the language, the queue and the open
 * conversation, kept fresh by the server's event stream. Drawing is in advisor-render.js.
 */
(function () {
  'use strict';

  var R = window.AdvisorRender;
  var LANG_KEY = 'mc.advisor.lang';
  var LANGS = ['it', 'en'];
  var state = { lang: 'it', zone: undefined, words: {}, me: null, csrf: null, queue: [], skew: 0, selected: null, detail: null, events: null, pending: null };
  var $ = function (id) { return document.getElementById(id); };

  function pickLang() {
    var saved = localStorage.getItem(LANG_KEY);
    if (LANGS.indexOf(saved) >= 0) return saved;
    var nav = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    return nav.toLowerCase().indexOf('it') === 0 ? 'it' : 'en';
  }

  function t(key, vars) {
    var v = key.split('.').reduce(function (o, k) { return o && typeof o === 'object' ? o[k] : undefined; }, state.words);
    var s = typeof v === 'string' ? v : key;
    return s.replace(/\{\{\s*(\w+)\s*\}\}/g, function (_, n) { return vars && vars[n] !== undefined ? String(vars[n]) : ''; });
  }

  var fmt = {
    instant: function (iso) {
      return new Intl.DateTimeFormat(state.lang === 'it' ? 'it-IT' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: state.zone }).format(new Date(iso));
    },
    day: function (day) {
      return day ? new Intl.DateTimeFormat(state.lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(day + 'T12:00:00Z')) : '';
    },
    time: function (iso) {
      return new Intl.DateTimeFormat(state.lang === 'it' ? 'it-IT' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: state.zone }).format(new Date(iso));
    },
  };
  // The server's clock, for how long a customer has waited.
  var serverNow = function () { return Date.now() + state.skew; };

  function api(method, path, body) {
    var headers = { accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = state.csrf || '';
    if (body) headers['content-type'] = 'application/json';
    return fetch('/advisor/api' + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 401 && path !== '/login') { signedOut(); throw new Error('signed out'); }
        return r.status === 204 ? {} : r.json().then(function (j) { j.status = r.status; return j; });
      });
  }

  function loadWords(lang) {
    return fetch('/advisor/i18n/' + lang).then(function (r) { return r.json(); }).then(function (w) {
      state.words = w; state.lang = lang; document.documentElement.lang = lang;
      localStorage.setItem(LANG_KEY, lang);
      document.title = t('title');
      document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.dataset.i18n); });
      document.querySelectorAll('[data-i18n-label]').forEach(function (e) { e.setAttribute('aria-label', t(e.dataset.i18nLabel)); });
      document.querySelectorAll('[data-i18n-placeholder]').forEach(function (e) { e.placeholder = t(e.dataset.i18nPlaceholder); });
      document.querySelectorAll('[data-lang]').forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.lang === lang)); });
      if (state.me) { drawQueue(); drawDetail(); }
    });
  }

  function signedIn(me) {
    state.me = me.advisor; state.csrf = me.csrf; state.zone = me.timeZone;
    $('login').hidden = true; $('console').hidden = false; $('sign-out').hidden = false;
    $('me').hidden = false; $('me').textContent = me.advisor.name;
    listen();
    refreshQueue();
  }

  function signedOut() {
    state.me = null; state.csrf = null; state.selected = null; state.detail = null;
    if (state.events) { state.events.close(); state.events = null; }
    $('console').hidden = true; $('login').hidden = false; $('sign-out').hidden = true; $('me').hidden = true;
  }

  function listen() {
    if (state.events) state.events.close();
    var es = new EventSource('/advisor/api/events');
    es.addEventListener('handoff', function (m) {
      var e = JSON.parse(m.data);
      if (e.type === 'message' && e.conversationId === state.selected) {
        // While the conversation is being (re)loaded, keep what arrives: the answer may predate it.
        if (state.pending) state.pending.push(e.message);
        if (state.detail) {
          state.detail.messages.push(e.message);
          drawTranscript();
        }
      } else if (e.type === 'changed') {
        refreshQueue();
        if (e.conversationId === state.selected) openConversation(e.conversationId);
      }
    });
    // A stream that ends for good (session expired) leads back to the sign-in.
    es.onerror = function () { api('GET', '/me').catch(function () {}); };
    state.events = es;
  }

  function refreshQueue() {
    return api('GET', '/queue').then(function (q) {
      state.skew = Date.parse(q.now) - Date.now();
      state.queue = q.conversations;
      drawQueue();
    });
  }

  function drawQueue() {
    var ctx = { selected: state.selected, me: state.me && state.me.id, now: serverNow };
    var waiting = state.queue.filter(function (c) { return c.status === 'waiting'; });
    var active = state.queue.filter(function (c) { return c.status === 'active'; });
    $('waiting').replaceChildren.apply($('waiting'), waiting.map(function (c) { return R.queueItem(t, c, ctx); }));
    $('active').replaceChildren.apply($('active'), active.map(function (c) { return R.queueItem(t, c, ctx); }));
    $('queue-empty').hidden = waiting.length > 0;
  }

  function messageKey(m) { return m.at + '|' + m.from + '|' + m.text; }

  function openConversation(id) {
    state.selected = id;
    state.pending = [];
    drawQueue();
    return api('GET', '/conversations/' + encodeURIComponent(id)).then(function (d) {
      var heard = state.pending || [];
      state.pending = null;
      if (d.status !== 200) { state.detail = null; drawDetail(); return; }
      var known = {};
      d.messages.forEach(function (m) { known[messageKey(m)] = true; });
      heard.forEach(function (m) { if (!known[messageKey(m)]) d.messages.push(m); });
      state.detail = d;
      drawDetail();
    });
  }

  function drawDetail() {
    var d = state.detail;
    $('select').hidden = !!d; $('conversation').hidden = !d;
    if (!d) return;
    var c = d.conversation;
    $('customer').textContent = R.who(t, c);
    var meta = $('meta');
    meta.replaceChildren(R.el('span', 'tag', t('status.' + c.status)), R.el('span', 'tag', t('channel.' + c.channel)), R.el('span', 'tag', c.lang.toUpperCase()),
      R.el('span', null, t('reason.' + c.reason) + ' · ' + fmt.instant(c.since)));
    var mine = c.status === 'active' && c.advisor && c.advisor.kind === 'advisor' && c.advisor.id === state.me.id;
    $('take').hidden = c.status !== 'waiting';
    $('hand-back').disabled = !(c.status === 'waiting' || mine);
    $('close').disabled = !(c.status === 'waiting' || mine);
    $('reply-form').hidden = !(c.status === 'waiting' || mine);
    $('summary').replaceChildren(R.summary(t, c, fmt));
    drawTranscript();
  }

  function drawTranscript() {
    var list = $('transcript');
    list.replaceChildren.apply(list, state.detail.messages.map(function (m) { return R.message(t, m, fmt); }));
    list.scrollTop = list.scrollHeight;
  }

  // A refusal that is nobody's mistake: too many failed sign-ins (429), the server busy or unreachable (5xx).
  function refusalKey(status) {
    return status === 429 ? 'errors.throttled' : status >= 500 ? 'errors.unavailable' : null;
  }

  // The key stays on the element, so that a change of language redraws the message.
  function loginError(key) {
    var e = $('login-error');
    e.hidden = !key;
    if (key) { e.dataset.i18n = key; e.textContent = t(key); }
  }

  function notice(key) {
    $('notice').hidden = !key;
    $('notice').textContent = key ? t(key) : '';
  }

  function act(name, body) {
    if (!state.selected) return Promise.resolve();
    return api('POST', '/conversations/' + encodeURIComponent(state.selected) + '/' + name, body).then(function (r) {
      notice(refusalKey(r.status) || (r.error ? 'delivery.' + (r.error === 'not-found' ? 'closed' : r.error) : r.delivered === 'window-closed' || r.delivered === 'unreachable' ? 'delivery.' + r.delivered : null));
      return refreshQueue().then(function () { return openConversation(state.selected); });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-lang]').forEach(function (b) { b.addEventListener('click', function () { loadWords(b.dataset.lang); }); });
    $('login-form').addEventListener('submit', function (e) {
      e.preventDefault();
      api('POST', '/login', { id: $('advisor-id').value.trim(), password: $('password').value }).then(function (r) {
        loginError(r.status === 200 ? null : refusalKey(r.status) || 'login.refused');
        $('password').value = '';
        if (r.status === 200) signedIn(r);
      }, function () { loginError('errors.unavailable'); });
    });
    $('sign-out').addEventListener('click', function () { api('POST', '/logout').then(signedOut, signedOut); });
    function pick(e) { var li = e.target.closest('.item'); if (li) { notice(null); openConversation(li.dataset.id); } }
    $('waiting').addEventListener('click', pick);
    $('active').addEventListener('click', pick);
    $('take').addEventListener('click', function () { act('take'); });
    $('hand-back').addEventListener('click', function () { act('hand-back'); });
    $('close').addEventListener('click', function () { act('close'); });
    $('reply-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var text = $('reply').value.trim();
      if (!text) return;
      $('reply').value = '';
      act('reply', { text: text });
    });
    $('reply').addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('reply-form').requestSubmit(); }
    });
    // Waiting times tick without reloading.
    setInterval(function () { if (state.me) drawQueue(); }, 30000);
    loadWords(pickLang()).then(function () {
      return fetch('/advisor/api/me', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json().then(signedIn) : signedOut(); });
    });
  });
})();
