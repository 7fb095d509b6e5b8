import { describe, expect, it } from 'vitest';
import { openStatus, tokyoTime } from '../../src/knowledge/calendar.js';

const at = (iso: string) => new Date(iso);

describe('opening hours in Asia/Tokyo', () => {
  it('reads Tokyo wall time whatever the server zone', () => {
    const t = tokyoTime(at('2026-12-31T15:30:00Z'));
    expect(t).toMatchObject({ year: 2027, month: 1, day: 1, minutes: 30, weekday: 5 });
  });

  it('opens the office on weekdays 8:30–17:15 only', () => {
    expect(openStatus('office', at('2026-12-02T08:29:00+09:00')).open).toBe(false);
    const open = openStatus('office', at('2026-12-02T08:30:00+09:00'));
    expect(open).toEqual({ open: true, closesAt: at('2026-12-02T17:15:00+09:00') });
    expect(openStatus('office', at('2026-12-02T17:15:00+09:00')).open).toBe(false);
  });

  it('tells when the office reopens after a Saturday night', () => {
    expect(openStatus('office', at('2026-11-28T21:00:00+09:00'))).toEqual({ open: false, opensAt: at('2026-11-30T08:30:00+09:00') });
  });

  it('closes on national holidays, from the maintained holiday list', () => {
    // 2026-11-23 is Labour Thanksgiving Day, a Monday.
    expect(openStatus('office', at('2026-11-23T10:00:00+09:00'))).toEqual({ open: false, opensAt: at('2026-11-24T08:30:00+09:00') });
    // The free dial runs its weekend hours on a holiday.
    expect(openStatus('freeDial', at('2026-11-23T17:00:00+09:00')).open).toBe(true);
    expect(openStatus('freeDial', at('2026-11-23T18:00:00+09:00')).open).toBe(false);
  });

  it('closes convenience-store issuance and the free dial over the year-end, 12/29–1/3', () => {
    const newYear = at('2027-01-01T03:00:00+09:00');
    expect(openStatus('konbini', newYear)).toEqual({ open: false, opensAt: at('2027-01-04T06:30:00+09:00') });
    expect(openStatus('freeDial', at('2026-12-29T12:00:00+09:00')).open).toBe(false);
  });

  it('says nothing of the office over the year-end, which the guidebook does not settle', () => {
    expect(openStatus('office', at('2026-12-29T10:00:00+09:00'))).toEqual({ open: 'unknown' });
    expect(openStatus('office', at('2027-01-04T10:00:00+09:00')).open).toBe(true);
    // Closed on the evening before it; when it opens again is not said.
    expect(openStatus('office', at('2026-12-28T18:00:00+09:00'))).toEqual({ open: false, opensAt: undefined });
  });

  it('runs convenience-store issuance 6:30–23:00 every day', () => {
    expect(openStatus('konbini', at('2026-11-29T06:30:00+09:00')).open).toBe(true);
    expect(openStatus('konbini', at('2026-11-29T23:00:00+09:00'))).toEqual({ open: false, opensAt: at('2026-11-30T06:30:00+09:00') });
  });
});
