import { describe, expect, it } from 'vitest';
import { calendarDateInZone, formatDateHeader, formatMonth, formatTimestamp, startOfDayInZone } from './dates';
import { parsePostFile } from './posts';

const zones = ['Asia/Hong_Kong', 'UTC', 'America/Los_Angeles'] as const;

describe('a bare post date', () => {
  // Midnight on 4 September 2016 in each zone, as an instant.
  const midnight: Record<(typeof zones)[number], string> = {
    'Asia/Hong_Kong': '2016-09-03T16:00:00.000Z',
    UTC: '2016-09-04T00:00:00.000Z',
    'America/Los_Angeles': '2016-09-04T07:00:00.000Z',
  };

  it.each(zones)('is midnight in the site zone %s and stays Sunday, September 4', async (timeZone) => {
    for (const date of ['2016-09-04', '"2016-09-04"']) {
      const post = await parsePostFile('content/posts/x.md', `---\ntitle: T\ndate: ${date}\n---\nBody\n`, {
        timeZone,
        defaultAuthor: 'Ann',
      });
      expect(post.date.toISOString()).toBe(midnight[timeZone]);
      expect(formatDateHeader(post.date, timeZone)).toBe('Sunday, September 4, 2016');
      expect(formatTimestamp(post.date, timeZone)).toBe('September 4, 2016 at 12:00 AM');
      expect([post.year, post.month, post.path]).toEqual([2016, 9, '/2016/09/x']);
    }
  });

  it('keeps a full timestamp with an offset as the instant written', async () => {
    const post = await parsePostFile('content/posts/x.md', '---\ntitle: T\ndate: 2016-09-04T22:15:00+08:00\n---\n', {
      timeZone: 'America/Los_Angeles',
      defaultAuthor: 'Ann',
    });
    expect(post.date.toISOString()).toBe('2016-09-04T14:15:00.000Z');
    expect(formatTimestamp(post.date, 'Asia/Hong_Kong')).toBe('September 4, 2016 at 10:15 PM');
    expect(formatTimestamp(post.date, 'America/Los_Angeles')).toBe('September 4, 2016 at 7:15 AM');
  });
});

describe('a post date with a time on a day the clocks change', () => {
  // New York: 02:00 EST → 03:00 EDT on 10 March 2024, 02:00 EDT → 01:00 EST on 3 November.
  // London: 01:00 GMT → 02:00 BST on 31 March 2024, 02:00 BST → 01:00 GMT on 27 October.
  it.each([
    ['America/New_York', '2024-03-10', '2024-03-10T05:00:00.000Z', 'March 10, 2024 at 12:00 AM'],
    ['America/New_York', '2024-03-10 12:00', '2024-03-10T16:00:00.000Z', 'March 10, 2024 at 12:00 PM'],
    ['America/New_York', '2024-03-10 23:30', '2024-03-11T03:30:00.000Z', 'March 10, 2024 at 11:30 PM'],
    ['America/New_York', '2024-11-03', '2024-11-03T04:00:00.000Z', 'November 3, 2024 at 12:00 AM'],
    ['America/New_York', '2024-11-03 12:00', '2024-11-03T17:00:00.000Z', 'November 3, 2024 at 12:00 PM'],
    ['America/New_York', '2024-11-03 23:30', '2024-11-04T04:30:00.000Z', 'November 3, 2024 at 11:30 PM'],
    ['Europe/London', '2024-03-31', '2024-03-31T00:00:00.000Z', 'March 31, 2024 at 12:00 AM'],
    ['Europe/London', '2024-03-31 09:00', '2024-03-31T08:00:00.000Z', 'March 31, 2024 at 9:00 AM'],
    ['Europe/London', '2024-10-27', '2024-10-26T23:00:00.000Z', 'October 27, 2024 at 12:00 AM'],
    ['Europe/London', '2024-10-27 09:00', '2024-10-27T09:00:00.000Z', 'October 27, 2024 at 9:00 AM'],
  ])('in %s, %s is %s, shown as written', async (timeZone, date, iso, shown) => {
    const post = await parsePostFile('content/posts/x.md', `---\ntitle: T\ndate: ${date}\n---\n`, { timeZone, defaultAuthor: 'Ann' });
    expect(post.date.toISOString()).toBe(iso);
    expect(formatTimestamp(post.date, timeZone)).toBe(shown);
    expect(post.path).toBe(`/${date.slice(0, 4)}/${date.slice(5, 7)}/x`);
  });

  it.each([
    // The hour that happens twice: the first time it is read.
    ['America/New_York', '2024-11-03 01:30', '2024-11-03T05:30:00.000Z'],
    ['Europe/London', '2024-10-27 01:30', '2024-10-27T00:30:00.000Z'],
    // The hour that never happens: read with the offset before the jump, so 02:30 becomes 03:30 (New York) and 01:30 becomes 02:30 (London).
    ['America/New_York', '2024-03-10 02:30', '2024-03-10T07:30:00.000Z'],
    ['Europe/London', '2024-03-31 01:30', '2024-03-31T01:30:00.000Z'],
  ])('in %s, %s is %s', async (timeZone, date, iso) => {
    const post = await parsePostFile('content/posts/x.md', `---\ntitle: T\ndate: ${date}\n---\n`, { timeZone, defaultAuthor: 'Ann' });
    expect(post.date.toISOString()).toBe(iso);
  });
});

describe('formatDateHeader', () => {
  it('names the weekday and day in the given zone, not the server zone', () => {
    const instant = new Date('2016-09-04T20:00:00Z');
    expect(formatDateHeader(instant, 'UTC')).toBe('Sunday, September 4, 2016');
    expect(formatDateHeader(instant, 'Asia/Hong_Kong')).toBe('Monday, September 5, 2016');
    expect(formatDateHeader(new Date('2016-09-04T03:00:00Z'), 'America/Los_Angeles')).toBe(
      'Saturday, September 3, 2016',
    );
  });
});

describe('formatTimestamp', () => {
  it.each([
    ['2016-09-04T14:15:00Z', 'Asia/Hong_Kong', 'September 4, 2016 at 10:15 PM'],
    ['2016-09-04T22:15:00Z', 'UTC', 'September 4, 2016 at 10:15 PM'],
    ['2016-09-05T05:15:00Z', 'America/Los_Angeles', 'September 4, 2016 at 10:15 PM'],
    ['2016-09-04T01:05:00Z', 'Asia/Hong_Kong', 'September 4, 2016 at 9:05 AM'],
    ['2016-09-04T04:30:00Z', 'UTC', 'September 4, 2016 at 4:30 AM'],
    ['2016-09-04T12:00:00Z', 'UTC', 'September 4, 2016 at 12:00 PM'],
  ])('%s in %s is "%s"', (iso, timeZone, expected) => {
    expect(formatTimestamp(new Date(iso), timeZone)).toBe(expected);
  });
});

describe('formatMonth', () => {
  it('names the month whatever the server zone', () => {
    expect(formatMonth(2016, 9)).toBe('September');
    expect(formatMonth(2016, 1)).toBe('January');
    expect(formatMonth(2016, 12)).toBe('December');
  });
});

describe('calendarDateInZone', () => {
  it('gives the day in the zone', () => {
    const instant = new Date('2016-09-03T16:00:00Z');
    expect(calendarDateInZone(instant, 'Asia/Hong_Kong')).toEqual({ year: 2016, month: 9, day: 4 });
    expect(calendarDateInZone(instant, 'UTC')).toEqual({ year: 2016, month: 9, day: 3 });
    expect(calendarDateInZone(new Date('2017-01-01T05:00:00Z'), 'America/Los_Angeles')).toEqual({
      year: 2016,
      month: 12,
      day: 31,
    });
  });
});

describe('startOfDayInZone', () => {
  it.each([
    // Ordinary days.
    [2016, 9, 4, 'Asia/Hong_Kong', '2016-09-03T16:00:00.000Z'],
    [2016, 9, 4, 'UTC', '2016-09-04T00:00:00.000Z'],
    [2016, 9, 4, 'America/Los_Angeles', '2016-09-04T07:00:00.000Z'],
    [2016, 1, 1, 'America/Los_Angeles', '2016-01-01T08:00:00.000Z'],
    // Los Angeles springs forward at 2 AM on 13 March 2016 and falls back at 2 AM on 6 November.
    [2016, 3, 13, 'America/Los_Angeles', '2016-03-13T08:00:00.000Z'],
    [2016, 3, 14, 'America/Los_Angeles', '2016-03-14T07:00:00.000Z'],
    [2016, 11, 6, 'America/Los_Angeles', '2016-11-06T07:00:00.000Z'],
    [2016, 11, 7, 'America/Los_Angeles', '2016-11-07T08:00:00.000Z'],
    // East of UTC the UTC-midnight guess falls after the change (Sydney: 2 AM on 2 October, 3 AM on 3 April).
    [2016, 10, 2, 'Australia/Sydney', '2016-10-01T14:00:00.000Z'],
    [2016, 10, 3, 'Australia/Sydney', '2016-10-02T13:00:00.000Z'],
    [2016, 4, 3, 'Australia/Sydney', '2016-04-02T13:00:00.000Z'],
    [2016, 4, 4, 'Australia/Sydney', '2016-04-03T14:00:00.000Z'],
    // No midnight at all: clocks jump from 23:59:59 to 01:00, and the day starts at the jump.
    [2024, 9, 8, 'America/Santiago', '2024-09-08T04:00:00.000Z'],
    [2018, 11, 4, 'America/Sao_Paulo', '2018-11-04T03:00:00.000Z'],
    [2016, 3, 27, 'Asia/Beirut', '2016-03-26T22:00:00.000Z'],
    // Midnight twice: clocks fall back from 01:00 to 00:00, and the day starts at the first midnight.
    [2016, 11, 6, 'America/Havana', '2016-11-06T04:00:00.000Z'],
    [2016, 10, 28, 'Asia/Amman', '2016-10-27T21:00:00.000Z'],
  ] as const)('%i-%i-%i in %s starts at %s', (year, month, day, timeZone, expected) => {
    expect(startOfDayInZone(year, month, day, timeZone).toISOString()).toBe(expected);
  });

  it.each(['America/Los_Angeles', 'America/Santiago', 'America/Sao_Paulo', 'Asia/Beirut', 'Asia/Amman', 'Australia/Lord_Howe'])(
    'gives, for every day of 2016 in %s, an instant on that day whose previous millisecond is the day before',
    (timeZone) => {
      const wrong: string[] = [];
      for (let t = Date.UTC(2016, 0, 1); t < Date.UTC(2017, 0, 1); t += 86_400_000) {
        const day = new Date(t);
        const want = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
        const start = startOfDayInZone(want.year, want.month, want.day, timeZone);
        const before = calendarDateInZone(new Date(start.getTime() - 1), timeZone);
        const sameDay = (d: typeof want) => d.year === want.year && d.month === want.month && d.day === want.day;
        if (!sameDay(calendarDateInZone(start, timeZone)) || sameDay(before)) {
          wrong.push(`${day.toISOString().slice(0, 10)} → ${start.toISOString()}`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
