/**
 * The 24-hour window in this process's memory (the embedded default, and Redis's local copy) is
 * bounded (#15): a customer whose window closed long ago is forgotten, so memory holds the
 * customers of the last two days, not every customer ever.
 */
import assert from 'node:assert/strict';
import { createMemoryContactWindow, isOpen, WINDOW_MS } from '../../src/channels/whatsapp/contact-window';

const HOUR = 3600_000;

describe('WhatsApp window in memory', () => {
  it('keeps the customers of the last two days, not every customer ever', async () => {
    const window = createMemoryContactWindow();
    const start = Date.parse('2026-11-30T08:00:00Z');
    // 10,000 customers, one every minute for a week
    for (let i = 0; i < 10_000; i++) await window.recordInbound(`whatsapp:${i}`, new Date(start + i * 60_000));
    const last = new Date(start + 9_999 * 60_000);
    assert.ok(window.size <= (2 * WINDOW_MS) / 60_000 + 1, String(window.size));
    assert.ok(isOpen(await window.lastInbound('whatsapp:9999'), last));
    assert.ok(isOpen(await window.lastInbound(`whatsapp:${9_999 - 23 * 60}`), last), 'a window still open is kept');
    assert.equal(await window.lastInbound('whatsapp:0'), undefined);
  });

  it('moves a window forward only, whatever order the messages come in', async () => {
    const window = createMemoryContactWindow();
    const t = Date.parse('2026-11-30T08:00:00Z');
    await window.recordInbound('whatsapp:1', new Date(t + HOUR));
    await window.recordInbound('whatsapp:1', new Date(t));
    assert.equal((await window.lastInbound('whatsapp:1'))?.getTime(), t + HOUR);
    // a customer who writes again is not forgotten with the others of that day
    await window.recordInbound('whatsapp:2', new Date(t + 2 * HOUR));
    await window.recordInbound('whatsapp:1', new Date(t + 60 * HOUR));
    await window.recordInbound('whatsapp:3', new Date(t + 61 * HOUR));
    assert.equal((await window.lastInbound('whatsapp:1'))?.getTime(), t + 60 * HOUR);
    assert.equal(await window.lastInbound('whatsapp:2'), undefined);
  });
});
