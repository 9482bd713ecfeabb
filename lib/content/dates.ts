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

/** The instant of midnight at the start of a calendar day in `timeZone`. */
export function startOfDayInZone(year: number, month: number, day: number, timeZone: string): Date {
  const guess = new Date(Date.UTC(year, month - 1, day));
  const offset = zoneOffsetMinutes(guess, timeZone);
  const instant = new Date(guess.getTime() - offset * 60_000);
  // A DST change between the guess and the answer moves the offset; one correction settles it.
  const corrected = zoneOffsetMinutes(instant, timeZone);
  return corrected === offset ? instant : new Date(guess.getTime() - corrected * 60_000);
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
