/*
 * The planning board's state and wiring: the staff token (sessionStorage, this tab only), the
 * language (navigator.language, then the switch), the API calls and navigation. Drawing is in
 * board-render.js; every word comes from /planning/i18n/<lang> (locales/<lang>/board.json).
 */
(function () {
  'use strict';

  var R = window.BoardRender;
  var TOKEN_KEY = 'mc.planning.token';
  var LANG_KEY = 'mc.planning.lang';
  var CANCELLED_KEY = 'mc.planning.cancelled';
  var DAYS = 14;
  var STEP = 7;
  var LANGS = ['it', 'en'];

  var state = { lang: 'it', words: {}, token: null, info: null, start: null, reservations: [], problem: null, showCancelled: true };
  var $ = function (id) { return document.getElementById(id); };

  function pickLang() {
    var saved = sessionStorage.getItem(LANG_KEY);
    if (LANGS.indexOf(saved) >= 0) return saved;
    var nav = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    return nav.toLowerCase().indexOf('it') === 0 ? 'it' : 'en';
  }

  function t(key, vars) {
    var v = key.split('.').reduce(function (o, k) { return o && typeof o === 'object' ? o[k] : undefined; }, state.words);
    var s = typeof v === 'string' ? v : key;
    return s.replace(/\{\{\s*(\w+)\s*\}\}/g, function (_, n) { return vars && vars[n] !== undefined ? String(vars[n]) : ''; });
  }

  function loadWords(lang) {
    return fetch('/planning/i18n/' + lang, { headers: { accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('i18n ' + r.status); return r.json(); })
      .then(function (words) {
        state.words = words;
        state.lang = lang;
        document.documentElement.lang = lang;
        applyWords();
      });
  }

  function applyWords() {
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach(function (e) {
      e.setAttribute('aria-label', t(e.dataset.i18nLabel));
      e.title = t(e.dataset.i18nLabel);
    });
    document.querySelectorAll('[data-lang]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
    });
    document.title = t('title') + (state.info ? ' · ' + state.info.site.name : '');
  }

  function api(path) {
    return fetch(path, { headers: { authorization: 'Bearer ' + state.token, accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { var e = new Error('HTTP ' + r.status); e.status = r.status; throw e; }
      return r.json();
    });
  }

  function show(id, visible) { $(id).hidden = !visible; }

  function askToken(refused) {
    state.token = null;
    state.info = null;
    sessionStorage.removeItem(TOKEN_KEY);
    show('planner', false);
    show('sign-out', false);
    show('login', true);
    show('login-error', !!refused);
    $('token').value = '';
    $('token').focus();
  }

  function setProblem(key) {
    state.problem = key;
    $('banner').textContent = key ? t(key) : '';
    show('banner', !!key);
  }

  function load() {
    setProblem(null);
    $('board').setAttribute('aria-busy', 'true');
    var ready = state.info ? Promise.resolve(state.info) : api('/api/planning/resources');
    return ready
      .then(function (info) {
        state.info = info;
        if (!state.start) state.start = info.today;
        // #13: cancellations are shown (greyed, with who and when) unless the switch hides them.
        var status = state.showCancelled ? 'held,confirmed,cancelled' : 'held,confirmed';
        var q = new URLSearchParams({ from: state.start, to: R.addDays(state.start, DAYS - 1), status: status });
        return api('/api/planning/reservations?' + q.toString());
      })
      .then(function (body) {
        state.reservations = body.reservations;
        show('login', false);
        show('planner', true);
        show('sign-out', true);
        draw();
      })
      .catch(function (e) {
        if (e.status === 401) return askToken(true);
        show('login', false);
        show('planner', true);
        setProblem(e.status === 503 ? 'errors.unavailable' : 'errors.generic');
      })
      .then(function () { $('board').setAttribute('aria-busy', 'false'); });
  }

  function view() {
    return { info: state.info, reservations: state.reservations, start: state.start, days: DAYS, t: t, lang: state.lang };
  }

  function draw() {
    if (!state.info) return;
    applyWords();
    var v = view();
    $('brand').textContent = state.info.site.brand;
    $('site-name').textContent = state.info.site.name;
    var fmt = new Intl.DateTimeFormat(state.lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    var last = R.addDays(state.start, DAYS - 1);
    $('range').textContent = t('nav.range', { from: fmt.format(new Date(state.start + 'T00:00:00Z')), to: fmt.format(new Date(last + 'T00:00:00Z')) });
    var bars = R.render($('board'), v);
    show('empty', bars === 0);
    if (state.problem) setProblem(state.problem);
  }

  // The tooltip: one element, filled from the hovered or focused bar.
  function showTip(bar) {
    var r = state.reservations.find(function (x) { return x.reference === bar.dataset.reference; });
    if (!r) return;
    var tip = $('tip');
    R.fillTip(tip, R.describe(r, view()));
    tip.hidden = false;
    var box = bar.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(Math.max(8, box.left), window.innerWidth - w - 8);
    var top = box.bottom + 8 + h > window.innerHeight ? box.top - h - 8 : box.bottom + 8;
    tip.style.left = left + window.scrollX + 'px';
    tip.style.top = Math.max(8, top) + window.scrollY + 'px';
  }
  function hideTip() { $('tip').hidden = true; }

  function wire() {
    $('login-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var token = $('token').value.trim();
      if (!token) return;
      state.token = token;
      sessionStorage.setItem(TOKEN_KEY, token);
      show('login-error', false);
      load();
    });
    $('sign-out').addEventListener('click', function () { askToken(false); });
    $('prev').addEventListener('click', function () { state.start = R.addDays(state.start, -STEP); load(); });
    $('next').addEventListener('click', function () { state.start = R.addDays(state.start, STEP); load(); });
    $('today').addEventListener('click', function () { state.start = state.info ? state.info.today : null; state.info = null; load(); });
    $('refresh').addEventListener('click', function () { state.info = null; load(); });
    $('show-cancelled').addEventListener('change', function (ev) {
      state.showCancelled = ev.target.checked;
      sessionStorage.setItem(CANCELLED_KEY, state.showCancelled ? 'yes' : 'no');
      load();
    });
    document.querySelectorAll('[data-lang]').forEach(function (b) {
      b.addEventListener('click', function () {
        sessionStorage.setItem(LANG_KEY, b.dataset.lang);
        loadWords(b.dataset.lang).then(draw);
      });
    });
    var board = $('board');
    board.addEventListener('mouseover', function (ev) { var b = ev.target.closest('.bar'); if (b) showTip(b); });
    board.addEventListener('mouseout', function (ev) { var b = ev.target.closest('.bar'); if (b && !b.contains(ev.relatedTarget)) hideTip(); });
    board.addEventListener('focusin', function (ev) { var b = ev.target.closest('.bar'); if (b) showTip(b); });
    board.addEventListener('focusout', hideTip);
    document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') hideTip(); });
    window.addEventListener('scroll', hideTip, { passive: true });
  }

  wire();
  state.token = sessionStorage.getItem(TOKEN_KEY);
  state.showCancelled = sessionStorage.getItem(CANCELLED_KEY) !== 'no';
  $('show-cancelled').checked = state.showCancelled;
  loadWords(pickLang()).then(function () {
    if (state.token) load();
    else askToken(false);
  });
})();
