import { describe, expect, it } from 'vitest';
import { answerFocus } from './use-focus-on-error';

describe('answerFocus: where an answer that arrives as a new page takes the focus', () => {
  const fields = ['name', 'email', 'body'];

  it('goes to the first refused field in the order the form draws them', () => {
    expect(answerFocus({ status: 'error', errors: { body: 'x', email: 'y' } }, fields)).toBe('email');
    expect(answerFocus({ status: 'error', errors: { body: 'x' } }, fields)).toBe('body');
  });

  it("goes to the form's message when the refusal names no field it draws", () => {
    expect(answerFocus({ status: 'error', errors: { request: 'Signed out' } }, fields)).toBe('alert');
  });

  it('goes to the preview after Preview, and nowhere before an answer or after a success', () => {
    expect(answerFocus({ status: 'preview', errors: {} }, fields)).toBe('preview');
    expect(answerFocus({ status: 'idle', errors: {} }, fields)).toBeNull();
    expect(answerFocus({ status: 'ok', errors: {} }, fields)).toBeNull();
  });
});
