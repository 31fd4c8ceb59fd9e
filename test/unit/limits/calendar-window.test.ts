// Calendar windows for quotas: UTC days and months, month ends and leap years, DST days in Europe/Rome (23 h, 25 h).
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../src/limits/calendar-window.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe('calendar windows', () => {
  it('UTC: the day and month around an instant', () => {
    const utc = createCalendar('UTC');
    const day = utc.windowAt('day', Date.parse('2025-01-15T09:00:00Z'));
    expect([iso(day.startsAt), iso(day.endsAt), day.label]).toEqual(['2025-01-15T00:00:00.000Z', '2025-01-16T00:00:00.000Z', '2025-01-15']);
    const month = utc.windowAt('month', Date.parse('2025-01-31T23:59:59.999Z'));
    expect([iso(month.startsAt), iso(month.endsAt), month.label]).toEqual(['2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z', '2025-01-01']);
  });

  it('month ends: February in common and leap years, December into January', () => {
    const utc = createCalendar('UTC');
    expect(iso(utc.windowAt('month', Date.parse('2025-02-10T00:00:00Z')).endsAt)).toBe('2025-03-01T00:00:00.000Z');
    expect(iso(utc.windowAt('month', Date.parse('2024-02-29T12:00:00Z')).endsAt)).toBe('2024-03-01T00:00:00.000Z');
    const dec = utc.windowAt('month', Date.parse('2025-12-31T23:00:00Z'));
    expect([iso(dec.startsAt), iso(dec.endsAt)]).toEqual(['2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    expect(iso(utc.windowAt('day', Date.parse('2025-12-31T23:00:00Z')).endsAt)).toBe('2026-01-01T00:00:00.000Z');
  });

  it('Europe/Rome: local midnights, a 23-hour day in March and a 25-hour day in October', () => {
    const rome = createCalendar('Europe/Rome');
    const winter = rome.windowAt('day', Date.parse('2025-01-15T23:30:00Z')); // already 00:30 on the 16th in Rome
    expect([iso(winter.startsAt), iso(winter.endsAt), winter.label]).toEqual(['2025-01-15T23:00:00.000Z', '2025-01-16T23:00:00.000Z', '2025-01-16']);

    const spring = rome.windowAt('day', Date.parse('2025-03-30T10:00:00Z'));
    expect([iso(spring.startsAt), iso(spring.endsAt)]).toEqual(['2025-03-29T23:00:00.000Z', '2025-03-30T22:00:00.000Z']);
    expect(spring.endsAt - spring.startsAt).toBe(23 * HOUR);

    const autumn = rome.windowAt('day', Date.parse('2025-10-26T01:30:00Z')); // inside the repeated hour
    expect([iso(autumn.startsAt), iso(autumn.endsAt)]).toEqual(['2025-10-25T22:00:00.000Z', '2025-10-26T23:00:00.000Z']);
    expect(autumn.endsAt - autumn.startsAt).toBe(25 * HOUR);

    // The day after each change starts at the new offset.
    expect(iso(rome.windowAt('day', Date.parse('2025-03-31T12:00:00Z')).startsAt)).toBe('2025-03-30T22:00:00.000Z');
    expect(iso(rome.windowAt('day', Date.parse('2025-10-27T12:00:00Z')).startsAt)).toBe('2025-10-26T23:00:00.000Z');
  });

  it('Europe/Rome: months that span a DST change', () => {
    const rome = createCalendar('Europe/Rome');
    const march = rome.windowAt('month', Date.parse('2025-03-15T12:00:00Z'));
    expect([iso(march.startsAt), iso(march.endsAt)]).toEqual(['2025-02-28T23:00:00.000Z', '2025-03-31T22:00:00.000Z']);
    const october = rome.windowAt('month', Date.parse('2025-10-31T23:30:00Z')); // 00:30 on 1 November in Rome
    expect([iso(october.startsAt), october.label]).toEqual(['2025-10-31T23:00:00.000Z', '2025-11-01']);
  });

  it('a zone whose midnight is skipped starts the day at the first instant that exists', () => {
    // America/Santiago moved clocks from 00:00 to 01:00 on 2024-09-08.
    const santiago = createCalendar('America/Santiago');
    const day = santiago.windowAt('day', Date.parse('2024-09-08T15:00:00Z'));
    expect(iso(day.startsAt)).toBe('2024-09-08T04:00:00.000Z');
    expect(day.endsAt - day.startsAt).toBe(23 * HOUR);
  });

  it('every instant lies in its own window', () => {
    const rome = createCalendar('Europe/Rome');
    for (let t = Date.parse('2025-03-29T00:00:00Z'); t < Date.parse('2025-04-01T00:00:00Z'); t += 17 * 60_000) {
      const w = rome.windowAt('day', t);
      expect(t >= w.startsAt && t < w.endsAt, iso(t)).toBe(true);
    }
  });

  it('refuses an unknown time zone', () => {
    expect(() => createCalendar('Mars/Olympus')).toThrow(RangeError);
  });
});
