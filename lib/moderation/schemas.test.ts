import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/comments/schemas';
import { calendarDateInZone } from '@/lib/content/dates';
import { banSchema, cutOffText, queueButtonSchema, queuePlaceSchema, typedCommentIdSchema } from './schemas';

const DAY = 86_400_000;

function isoDay(instant: Date, timeZone: string): string {
  const { year, month, day } = calendarDateInZone(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('a ban’s last day', () => {
  it.each([
    ['Asia/Hong_Kong', '2099-12-31T16:00:00.000Z'],
    ['UTC', '2100-01-01T00:00:00.000Z'],
    ['America/New_York', '2100-01-01T05:00:00.000Z'],
  ])('in %s holds through the end of that day there', (timeZone, end) => {
    const parsed = banSchema(timeZone).parse({ reason: 'cool off', endsAt: '2099-12-31' });
    expect(parsed.endsAt?.toISOString()).toBe(end);
  });

  it('may be today in the blog’s time zone, but not yesterday', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const today = isoDay(new Date(), timeZone);
      const yesterday = isoDay(new Date(Date.now() - DAY), timeZone);
      const banned = banSchema(timeZone).parse({ reason: 'cool off', endsAt: today });
      expect(banned.endsAt?.getTime()).toBeGreaterThan(Date.now());
      const refused = banSchema(timeZone).safeParse({ reason: 'cool off', endsAt: yesterday });
      expect(refused.success).toBe(false);
      if (!refused.success)
        expect(fieldErrors(refused.error)).toEqual({ endsAt: 'The last day must be today or later.' });
    }
  });

  it('names the field as the form does when it is not a date', () => {
    for (const endsAt of ['next Tuesday', '31/12/2099', 20991231]) {
      const refused = banSchema('UTC').safeParse({ reason: 'cool off', endsAt });
      expect(refused.success).toBe(false);
      if (!refused.success)
        expect(fieldErrors(refused.error)).toEqual({ endsAt: 'The last day must be a date, like 2026-12-31.' });
    }
  });

  it('refuses a day that is not on the calendar', () => {
    const refused = banSchema('UTC').safeParse({ reason: 'cool off', endsAt: '2099-02-30' });
    expect(refused.success).toBe(false);
    if (!refused.success) {
      expect(fieldErrors(refused.error)).toEqual({
        endsAt: 'The last day must be a day on the calendar; there is no 2099-02-30.',
      });
    }
  });

  it('may be left out, for a ban for good', () => {
    expect(banSchema('UTC').parse({ reason: 'for good' }).endsAt).toBeUndefined();
  });
});

describe('a place in the moderation queue', () => {
  it('keeps the tab and the page a form or an address names', () => {
    expect(queuePlaceSchema.parse({ status: 'spam', cursor: '120' })).toEqual({ status: 'spam', cursor: 120 });
  });

  it('falls back to the first page of the tab for a malformed page, and to the pending tab for an unknown tab', () => {
    for (const cursor of [null, '', '0', '-3', '12.5', 'abc', '99999999999']) {
      expect(queuePlaceSchema.parse({ status: 'spam', cursor })).toEqual({ status: 'spam', cursor: undefined });
    }
    expect(queuePlaceSchema.parse({ status: 'archived', cursor: '7' })).toEqual({ status: 'pending', cursor: 7 });
  });

  it('keeps where "every comment in this tab" stops, as a later page’s address carries it', () => {
    expect(queuePlaceSchema.parse({ status: 'spam', cursor: '120', upTo: '180@1764780000000' })).toEqual({
      status: 'spam',
      cursor: 120,
      upTo: { upTo: 180, seenAt: 1764780000000 },
    });
    expect(cutOffText({ upTo: 180, seenAt: 1764780000000 })).toBe('180@1764780000000');
    // A cut-off without the time its page was drawn (or malformed) is no cut-off.
    for (const upTo of ['latest', '180', '180@', '@1764780000000', '0@1764780000000', '99999999999@1', '180@-5']) {
      expect(queuePlaceSchema.parse({ status: 'spam', cursor: '120', upTo }).upTo, upTo).toBeUndefined();
    }
  });
});

describe('a button of the queue’s form', () => {
  it('acts on the ticked rows, on one row, or goes on through the whole tab up to the step’s cut-off', () => {
    expect(queueButtonSchema.parse('approve')).toEqual({ action: 'approve' });
    expect(queueButtonSchema.parse('spam:12')).toEqual({ action: 'spam', id: 12 });
    expect(queueButtonSchema.parse('delete:tab:340@1764780000000:spam')).toEqual({ action: 'delete', upTo: { upTo: 340, seenAt: 1764780000000 }, tab: 'spam' });
    // A going-on button names the tab it was drawn in, and when.
    expect(queueButtonSchema.safeParse('delete:tab:340@1764780000000').success).toBe(false);
    expect(queueButtonSchema.safeParse('delete:tab:340:spam').success).toBe(false);
  });

  it('refuses a button that says nothing sensible, rather than acting on something else', () => {
    for (const value of [null, 'publish', 'approve:tab', 'approve:tab:latest', 'approve:x']) {
      expect(queueButtonSchema.safeParse(value).success, String(value)).toBe(false);
    }
    expect(queueButtonSchema.safeParse(null).error?.issues[0]?.message).toBe('Choose what to do with the comments.');
  });
});

describe('a comment id typed in the log’s filter', () => {
  it('reads a number, and the forms the blog writes ids in (#42, c42)', () => {
    for (const typed of ['42', ' 42 ', '#42', 'c42', 'C42', '#c42']) expect(typedCommentIdSchema.parse(typed), typed).toBe(42);
  });

  it('names the box and says what to type, rather than dropping what is not an id', () => {
    for (const typed of ['forty-two', '4 2', '12.5', '-3', '0', 'cc42', '']) {
      const refused = typedCommentIdSchema.safeParse(typed);
      expect(refused.error?.issues[0]?.message, typed).toBe('Comment id: enter a number, like 42.');
    }
    expect(typedCommentIdSchema.safeParse('9999999999').error?.issues[0]?.message).toBe('There is no comment with that id.');
  });
});
