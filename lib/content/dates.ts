/**
 * Dates as the blog shows them. Every calendar question (which day, which month) is answered in the
 * site's time zone, never the server's, so a post dated 2016-09-04 stays on Sunday, September 4.
 */

/** Offset of `timeZone` from UTC at `instant`, in minutes. */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** Whether year-month-day is a day on the calendar: Date.UTC rolls 2026-02-30 over into March. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The instant a clock in `timeZone` reads year-month-day hour:minute:second. Where clocks fall back
 * the reading happens twice and the first is taken. Where they spring forward it never happens: it is
 * read with the offset in force before the change, so it lands as far after the jump as it was written
 * after the last reading before it (02:30 on a day New York jumps from 02:00 to 03:00 is 03:30), which
 * keeps posts written in the gap in their order. A day with no midnight starts at the jump.
 */
export function instantInZone(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // The offsets in force around that reading (two when a change of the clock is near), each giving a candidate.
  const offsets = new Set([-1, 0, 1].map((days) => zoneOffsetMinutes(new Date(asUtc + days * 86_400_000), timeZone)));
  const candidates = [...offsets].map((offset) => ({ offset, instant: asUtc - offset * 60_000 }));
  // A candidate is real when its offset is the one in force at it.
  const real = candidates.filter((c) => zoneOffsetMinutes(new Date(c.instant), timeZone) === c.offset);
  if (real.length > 0) return new Date(Math.min(...real.map((c) => c.instant)));
  // In the gap: the earlier (smaller) offset gives the later candidate.
  return new Date(Math.max(...candidates.map((c) => c.instant)));
}

/** The instant of midnight at the start of a calendar day in `timeZone`. */
export function startOfDayInZone(year: number, month: number, day: number, timeZone: string): Date {
  return instantInZone(year, month, day, 0, 0, 0, timeZone);
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function calendarDateInZone(instant: Date, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Blogger's date header: "Sunday, September 4, 2016". */
export function formatDateHeader(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(instant);
}

/** "September 4, 2016": a day without its hour, as the console names the last day of a ban. */
export function formatDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(instant);
}

/** "September 4, 2016 at 10:15 PM", as Blogger stamps comments. */
export function formatTimestamp(instant: Date, timeZone: string): string {
  const date = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(instant);
  const time = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
  }).format(instant);
  return `${date} at ${time}`;
}

export function formatMonth(year: number, month: number): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}
