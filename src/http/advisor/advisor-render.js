/*
 * Drawing the advisor console: queue items, the summary card, the transcript. Pure DOM
 * building with textContent only (no HTML from data); words come through `t`.
 */
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function waited(t, ms) {
    var m = Math.max(0, Math.floor(ms / 60000));
    if (m < 1) return t('time.now');
    if (m < 60) return t('time.minutes', { n: m });
    return t('time.hours', { h: Math.floor(m / 60), m: m % 60 });
  }

  function who(t, c) {
    var s = c.summary || {};
    return s.customerName || (s.vehicle && (s.vehicle.plate || s.vehicle.vin)) || t('channel.' + c.channel);
  }

  function queueItem(t, c, ctx) {
    var li = el('li', 'item');
    li.dataset.id = c.conversationId;
    li.tabIndex = 0;
    li.setAttribute('aria-current', String(ctx.selected === c.conversationId));
    var top = el('div', 'top');
    top.appendChild(el('span', 'who', who(t, c)));
    top.appendChild(el('span', 'waited', c.status === 'waiting' ? t('queue.waited', { time: waited(t, ctx.now() - Date.parse(c.since)) }) :
      t('queue.heldBy', { name: c.advisor && c.advisor.kind === 'advisor' && c.advisor.id === ctx.me ? t('queue.you') : (c.advisor && c.advisor.name) || '' })));
    li.appendChild(top);
    var line = el('div', 'line');
    line.appendChild(el('span', 'tag', t('channel.' + c.channel)));
    line.appendChild(el('span', 'tag', c.lang.toUpperCase()));
    line.appendChild(el('span', 'tag' + (c.reason === 'urgent' ? ' urgent' : ''), t('reason.' + c.reason)));
    if (c.summary && c.summary.need) line.appendChild(el('span', null, t('service.' + c.summary.need.serviceId)));
    li.appendChild(line);
    return li;
  }

  function summary(t, c, fmt) {
    var s = c.summary || {};
    var dl = document.createDocumentFragment();
    function row(label, values) {
      values = values.filter(Boolean);
      dl.appendChild(el('dt', null, t(label)));
      if (!values.length) { dl.appendChild(el('dd', 'muted', t('summary.none'))); return; }
      values.forEach(function (v) { dl.appendChild(typeof v === 'string' ? el('dd', null, v) : v); });
    }
    row('summary.name', [s.customerName]);
    var vehicle = null;
    if (s.vehicle) {
      vehicle = el('dd', null, s.vehicle.model || '');
      if (s.vehicle.plate || s.vehicle.vin) vehicle.appendChild(el('span', 'plate', s.vehicle.plate || s.vehicle.vin));
      if (s.vehicle.idUnknown) vehicle.appendChild(el('div', 'muted', t('summary.idUnknown')));
    }
    row('summary.vehicle', [vehicle]);
    row('summary.need', s.need ? [t('service.' + s.need.serviceId), '“' + s.need.text + '”'] : []);
    var d = s.downtime;
    row('summary.downtime', d ? [d.range ? t('summary.range', { from: d.range[0], to: d.range[1] }) : t('summary.hours', { hours: d.hours })] : []);
    var rights = (s.entitlements || []).map(function (e) {
      return e.kind === 'programme' ? e.name + (e.until ? ' · ' + fmt.day(e.until) : '') : t('summary.' + e.kind, { until: fmt.day(e.until) });
    });
    if (s.freeSolutions && s.freeSolutions.length) rights.push(t('summary.free', { list: s.freeSolutions.map(function (f) { return t('solution.' + f.solution); }).join(', ') }));
    row('summary.entitlements', rights);
    row('summary.solution', [s.solution ? t('solution.' + s.solution) : s.mobility ? t('solution.' + s.mobility) : null, s.address]);
    var dates = [];
    if (s.dates) {
      dates.push(t('summary.appointment', { at: fmt.instant(s.dates.appointmentAt) }));
      dates.push(t('summary.return', { at: fmt.instant(s.dates.returnAt) }));
    } else if (s.wish) dates.push(t('summary.wish', { text: s.wish.text }));
    if (s.bookingReference) dates.push(t('summary.reference', { reference: s.bookingReference }));
    row('summary.dates', dates);
    if (c.callback) row('summary.callback', [c.callback.phone, c.callback.backAt ? t('summary.backAt', { at: fmt.instant(c.callback.backAt) }) : null]);
    return dl;
  }

  function message(t, m, fmt) {
    var li = el('li', 'msg ' + m.from);
    var label = m.from === 'advisor' ? t('transcript.advisor', { name: m.name || '' }) : t('transcript.' + m.from);
    li.appendChild(el('span', 'from', label + ' · ' + fmt.time(m.at)));
    li.appendChild(document.createTextNode(m.text));
    return li;
  }

  window.AdvisorRender = { el: el, queueItem: queueItem, summary: summary, message: message, who: who, waited: waited };
})();
