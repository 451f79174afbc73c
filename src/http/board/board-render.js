/*
 * The planning board's drawing, without state or network: days, rows, bars. Classic script (no
 * build step); exposes window.BoardRender. Times are placed in the dealer's time zone, not the
 * browser's, so a board opened abroad still shows the dealer's day.
 */
(function () {
  'use strict';

  // The visible part of each day, for the "now" line; nights take no width.
  var DAY_START_H = 7;
  var DAY_END_H = 20;
  // Bars snap to half-days (the unit drivers and shuttle trips are counted in): at 14 days a
  // three-hour job would otherwise be a sliver. The exact times are on the hover card.
  var NOON_H = 13;
  var LANE_PX = 34;
  var ROW_PAD_PX = 16;

  function addDays(day, n) {
    return new Date(Date.parse(day + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10);
  }
  function dayDiff(a, b) {
    return Math.round((Date.parse(a + 'T00:00:00Z') - Date.parse(b + 'T00:00:00Z')) / 86400000);
  }

  /** { day: 'yyyy-MM-dd', hours } of an instant in the dealer's zone. */
  function localParts(zone) {
    var fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    return function (iso) {
      var p = {};
      fmt.formatToParts(new Date(iso)).forEach(function (x) { p[x.type] = x.value; });
      return { day: p.year + '-' + p.month + '-' + p.day, hours: Number(p.hour) + Number(p.minute) / 60 };
    };
  }

  /** Position of an instant in days from the board's first day: the start or end of its half-day. */
  function positioner(zone, start) {
    var parts = localParts(zone);
    return function (iso, edge) {
      var p = parts(iso);
      var d = dayDiff(p.day, start);
      if (edge === 'start') return d + (p.hours < NOON_H ? 0 : 0.5);
      return d + (p.hours <= NOON_H ? 0.5 : 1);
    };
  }

  /** Why a day is closed (holiday or closure name, or true for a weekly closing day), or false. */
  function closedReason(calendar, day) {
    var holiday = (calendar.holidays || []).find(function (h) { return h.date === day; });
    if (holiday) return holiday.name;
    var closure = (calendar.closures || []).find(function (c) { return c.from <= day && day <= c.to; });
    if (closure) return closure.reason;
    var iso = new Date(day + 'T00:00:00Z').getUTCDay() || 7;
    return (calendar.hours[String(iso)] || []).length === 0 ? true : false;
  }

  /** Greedy lanes: overlapping bars of one row stack instead of hiding each other. */
  function pack(items) {
    var ends = [];
    items.sort(function (a, b) { return a.from - b.from || b.to - a.to; });
    items.forEach(function (it) {
      var lane = ends.findIndex(function (end) { return end <= it.from + 1e-9; });
      if (lane < 0) { lane = ends.length; ends.push(0); }
      ends[lane] = it.to;
      it.lane = lane;
    });
    return Math.max(1, ends.length);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  var pct = function (x, days) { return (100 * x / days).toFixed(4) + '%'; };

  /** The rows: each courtesy car, a row for unassigned cars when needed, then the capacities. */
  function rowsOf(info, reservations, t) {
    var cars = info.resources.filter(function (r) { return r.type === 'car'; });
    var used = {};
    reservations.forEach(function (r) { if (r.resourceId) used[r.resourceId] = true; });
    var rows = [];
    cars.forEach(function (car) {
      if (car.kind === 'staff-car' && !used[car.id]) return;
      rows.push({ id: car.id, group: 'cars', label: car.model, plate: car.plate, detail: t('kind.' + car.kind), car: car, items: [] });
    });
    var byId = {};
    rows.forEach(function (r) { byId[r.id] = r; });
    var unassigned = { id: 'unassigned', group: 'cars', label: t('rows.unassigned'), detail: t('rows.unassignedDetail'), items: [] };
    var capacities = {};
    info.resources.forEach(function (r) {
      if (r.type !== 'capacity') return;
      var id = r.solution === 'taxi' || r.solution === 'public-transport' ? 'transport' : r.solution;
      if (capacities[id]) return;
      var detail = id === 'transport' ? t('rows.transportDetail') : t('rows.' + id + 'Detail', { count: r.quantity, partner: r.partner || '' });
      capacities[id] = { id: id, group: 'capacities', label: t('rows.' + id), detail: detail, items: [] };
    });
    reservations.forEach(function (r) {
      var row = (r.resourceId && byId[r.resourceId])
        || (/^courtesy-car/.test(r.solution) ? unassigned : null)
        || capacities[r.solution === 'taxi' || r.solution === 'public-transport' ? 'transport' : r.solution];
      if (row) row.items.push(r);
    });
    if (unassigned.items.length) rows.push(unassigned);
    Object.keys(capacities).forEach(function (k) { rows.push(capacities[k]); });
    return rows;
  }

  /** A vehicle's identities (`plate:…`, `vin:…`), spelled as the planning compares them. */
  function vehicleKeys(v) {
    var keys = [];
    ['plate', 'vin'].forEach(function (k) {
      var n = v && v[k] ? String(v[k]).toUpperCase().replace(/[^A-Z0-9]/g, '') : '';
      if (n) keys.push(k + ':' + n);
    });
    return keys;
  }

  /**
   * #13: held or confirmed appointments of one vehicle whose drop-off → return spans overlap
   * (only staff can force such a second one): reference → the other references.
   */
  function overlapsOf(reservations) {
    var live = reservations.filter(function (r) { return r.status !== 'cancelled'; });
    var found = {};
    live.forEach(function (a, i) {
      var keys = vehicleKeys(a.vehicle);
      live.slice(i + 1).forEach(function (b) {
        var same = vehicleKeys(b.vehicle).some(function (k) { return keys.indexOf(k) >= 0; });
        if (!same) return;
        if (!(Date.parse(a.appointmentAt) < Date.parse(b.returnAt) && Date.parse(b.appointmentAt) < Date.parse(a.returnAt))) return;
        (found[a.reference] = found[a.reference] || []).push(b.reference);
        (found[b.reference] = found[b.reference] || []).push(a.reference);
      });
    });
    return found;
  }

  /** #13: the last change of a reservation (moved or cancelled), or null. */
  function lastChange(r) {
    var changes = (r.history || []).filter(function (e) { return e.type !== 'created'; });
    return changes.length ? changes[changes.length - 1] : null;
  }

  /** Day and time in the dealer's zone, e.g. "lun 14 dic, 08:30". */
  function whenFormat(view) {
    return new Intl.DateTimeFormat(view.lang, {
      timeZone: view.info.site.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
    });
  }

  /** Who made a change: "by the customer", "by Giulia (staff)". */
  function byText(by, t) {
    var kind = by && by.kind ? by.kind : 'staff';
    return by && by.name ? t('by.named', { name: by.name, role: t('role.' + kind) }) : t('by.' + kind);
  }

  /**
   * What happened, in words: "Moved by the customer: Mon 14 Dec, 08:30 → Tue 15 Dec, 14:00", "New
   * address by the customer: Via Giardini 100, Formigine → Via Radici in Piano 5, Sassuolo".
   */
  function eventText(e, view) {
    var fmt = whenFormat(view);
    var by = byText(e.by, view.t);
    if (e.type === 'rescheduled') {
      var moved = view.t('history.rescheduled', { by: by, from: fmt.format(new Date(e.from.appointmentAt)), to: fmt.format(new Date(e.to.appointmentAt)) });
      var samePlace = Date.parse(e.from.appointmentAt) === Date.parse(e.to.appointmentAt) && e.from.solution === e.to.solution;
      // #13: work added: the whole work old → new and the new ready time, on the same appointment or with the move
      if (e.to.services) {
        var names = function (list) { return (list || []).map(function (id) { return view.t('service.' + id); }).join(', '); };
        var worked = view.t('history.workAdded', { by: by, from: names(e.from.services), to: names(e.to.services), ready: fmt.format(new Date(e.to.returnAt)) });
        return samePlace ? worked : moved + ' · ' + worked;
      }
      // #13: a new pickup & delivery address, on the same slot or with the move
      if (!e.to.address) return moved;
      var readdressed = view.t('history.readdressed', { by: by, from: e.from.address || view.t('history.noAddress'), to: e.to.address });
      return Date.parse(e.from.appointmentAt) === Date.parse(e.to.appointmentAt) && e.from.solution === e.to.solution ? readdressed : moved + ' · ' + readdressed;
    }
    return view.t('history.' + e.type, { by: by });
  }

  /**
   * Draws the board into `root`. `view`: { info, reservations, start, days, t, lang }.
   * Returns the number of bars drawn.
   */
  function render(root, view) {
    var info = view.info, t = view.t, days = view.days, start = view.start;
    var zone = info.site.timeZone;
    var pos = positioner(zone, start);
    var parts = localParts(zone);
    var dayFmt = new Intl.DateTimeFormat(view.lang, { weekday: 'short', timeZone: 'UTC' });
    var monthFmt = new Intl.DateTimeFormat(view.lang, { month: 'short', timeZone: 'UTC' });
    var now = parts(info.now);
    var todayIdx = dayDiff(info.today, start);
    var bars = 0;
    var overlaps = overlapsOf(view.reservations);

    root.textContent = '';
    root.style.setProperty('--days', String(days));

    // Header: the days, today marked, closed days named.
    var head = el('div', 'row head');
    head.setAttribute('role', 'row');
    head.appendChild(el('div', 'label', t('grid.resource')));
    var headTrack = el('div', 'track days');
    for (var i = 0; i < days; i++) {
      var day = addDays(start, i);
      var d = new Date(day + 'T00:00:00Z');
      var cell = el('div', 'day');
      cell.setAttribute('role', 'columnheader');
      cell.dataset.day = day;
      cell.appendChild(el('span', 'dow', dayFmt.format(d)));
      var dom = el('span', 'dom', String(d.getUTCDate()));
      if (i === 0 || d.getUTCDate() === 1) dom.appendChild(el('small', 'month', monthFmt.format(d).replace('.', '')));
      cell.appendChild(dom);
      var closed = closedReason(info.calendar, day);
      if (closed) {
        cell.classList.add('closed');
        cell.title = closed === true ? t('grid.closed') : closed;
      }
      if (i === todayIdx) {
        cell.classList.add('today');
        cell.setAttribute('aria-current', 'date');
        cell.appendChild(el('span', 'pill', t('grid.today')));
      }
      headTrack.appendChild(cell);
    }
    head.appendChild(headTrack);
    root.appendChild(head);

    var group = null;
    rowsOf(info, view.reservations, t).forEach(function (row) {
      if (row.group !== group) {
        group = row.group;
        var g = el('div', 'group', t('groups.' + group));
        g.setAttribute('role', 'row');
        root.appendChild(g);
      }
      var items = row.items.map(function (r) {
        var from = pos(r.handoverAt, 'start'), to = Math.max(pos(r.returnAt, 'end'), from + 0.5);
        return { r: r, from: Math.max(0, from), to: Math.min(days, to) };
      }).filter(function (it) { return it.to > 0 && it.from < days; });
      var lanes = pack(items);

      var line = el('div', 'row');
      line.setAttribute('role', 'row');
      line.dataset.row = row.id;
      var label = el('div', 'label');
      label.setAttribute('role', 'rowheader');
      var name = el('div', 'name', row.label);
      if (row.plate) name.appendChild(el('span', 'plate', row.plate));
      label.appendChild(name);
      label.appendChild(el('div', 'detail', row.detail));
      line.appendChild(label);

      var track = el('div', 'track');
      track.style.minHeight = (lanes * LANE_PX + ROW_PAD_PX) + 'px';
      for (var i = 0; i < days; i++) {
        var c = el('div', 'cell');
        var day = addDays(start, i);
        if (closedReason(info.calendar, day)) c.classList.add('closed');
        if (i === todayIdx) c.classList.add('today');
        c.style.left = pct(i, days);
        c.style.width = pct(1, days);
        track.appendChild(c);
      }
      // Out-of-service periods of a car: whole local days.
      ((row.car && row.car.outOfService) || []).forEach(function (o) {
        var a = Math.max(0, dayDiff(o.from, start)), b = Math.min(days, dayDiff(o.to, start) + 1);
        if (b <= a) return;
        var block = el('div', 'out-of-service', t('status.outOfService'));
        block.title = o.reason;
        block.style.left = pct(a, days);
        block.style.width = pct(b - a, days);
        track.appendChild(block);
      });
      items.forEach(function (it) {
        var r = it.r;
        var bar = el('div', 'bar ' + r.status);
        bar.tabIndex = 0;
        bar.dataset.reference = r.reference;
        bar.dataset.status = r.status;
        bar.style.left = 'calc(' + pct(it.from, days) + ' + 2px)';
        bar.style.width = 'calc(' + pct(it.to - it.from, days) + ' - 4px)';
        bar.style.top = (ROW_PAD_PX / 2 + it.lane * LANE_PX) + 'px';
        bar.appendChild(el('span', 'who', r.customerName));
        bar.appendChild(el('span', 'ref', r.reference));
        var label = r.customerName + ' · ' + t('tip.reference', { reference: r.reference }) + ' · ' + t('status.' + r.status);
        if (overlaps[r.reference]) {
          bar.classList.add('overlap');
          bar.dataset.overlaps = overlaps[r.reference].join(' ');
          label += ' · ' + t('tip.overlap', { references: overlaps[r.reference].join(', ') });
        }
        // #13: moved or cancelled, by whom and when, at a glance and for a screen reader.
        var change = lastChange(r);
        if (change) {
          bar.dataset.change = change.type;
          bar.dataset.changedBy = (change.by && change.by.kind) || 'staff';
          // A narrow bar has no room for a word: an edge marks it, the label and the card say it.
          if (change.type === 'rescheduled' && r.status !== 'cancelled') bar.classList.add('moved');
          label += ' · ' + eventText(change, view) + ' · ' + whenFormat(view).format(new Date(change.at));
        }
        bar.setAttribute('aria-label', label);
        track.appendChild(bar);
        bars++;
      });
      if (todayIdx >= 0 && todayIdx < days) {
        var nowLine = el('div', 'now');
        var frac = Math.min(1, Math.max(0, (now.hours - DAY_START_H) / (DAY_END_H - DAY_START_H)));
        nowLine.style.left = pct(todayIdx + frac, days);
        track.appendChild(nowLine);
      }
      line.appendChild(track);
      root.appendChild(line);
    });
    // A reference cut to "MC-B" says nothing: drop it where it does not fit whole.
    root.querySelectorAll('.bar .ref').forEach(function (ref) {
      if (ref.scrollWidth > ref.clientWidth + 1) ref.hidden = true;
    });
    return bars;
  }

  /** The tooltip's lines for a reservation. */
  function describe(r, view) {
    var t = view.t;
    var fmt = new Intl.DateTimeFormat(view.lang, {
      timeZone: view.info.site.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
    });
    var time = new Intl.DateTimeFormat(view.lang, { timeZone: view.info.site.timeZone, hour: '2-digit', minute: '2-digit' });
    var car = view.info.resources.find(function (x) { return x.id === r.resourceId; });
    var solution = t('solution.' + r.solution) + (car ? ' · ' + car.model + ' ' + car.plate : '');
    var vehicle = r.vehicle ? [r.vehicle.model, r.vehicle.plate || r.vehicle.vin].filter(Boolean).join(' ') : '';
    var lines = [
      { cls: 'who', text: r.customerName },
      { cls: 'ref', text: t('tip.reference', { reference: r.reference }), badge: t('status.' + r.status), status: r.status },
      { text: solution },
      { key: t('tip.service'), text: (r.services || [r.service]).map(function (id) { return t('service.' + id); }).join(', ') },
      { key: t('tip.appointment'), text: fmt.format(new Date(r.appointmentAt)) },
      { key: t('tip.handover'), text: fmt.format(new Date(r.handoverAt)) },
      { key: t('tip.return'), text: fmt.format(new Date(r.returnAt)) },
    ];
    if (vehicle) lines.splice(4, 0, { key: t('tip.vehicle'), text: vehicle });
    if (r.address) lines.push({ key: t('tip.address'), text: r.address });
    if (r.status === 'held' && r.expiresAt) lines.push({ cls: 'note', text: t('tip.heldUntil', { time: time.format(new Date(r.expiresAt)) }) });
    var others = overlapsOf(view.reservations)[r.reference];
    if (others) lines.push({ cls: 'note overlap', text: t('tip.overlap', { references: others.join(', ') }) });
    // #13: what happened to it, oldest first, each with when.
    (r.history || []).forEach(function (e, i) {
      lines.push({ cls: 'event ' + e.type + (i === 0 ? ' first' : ''), key: fmt.format(new Date(e.at)), text: eventText(e, view) });
    });
    return lines;
  }

  function fillTip(tip, lines) {
    tip.textContent = '';
    lines.forEach(function (l) {
      var line = el('div', 'tip-line' + (l.cls ? ' ' + l.cls : ''));
      if (l.key) line.appendChild(el('span', 'k', l.key));
      line.appendChild(el('span', 'v', l.text));
      if (l.badge) line.appendChild(el('span', 'badge ' + l.status, l.badge));
      tip.appendChild(line);
    });
  }

  window.BoardRender = { render: render, describe: describe, fillTip: fillTip, addDays: addDays, overlapsOf: overlapsOf, lastChange: lastChange };
})();
