'use client';

import { createContext, useContext } from 'react';
import { type CommentFormState, idleCommentForm } from '@/lib/comments/form-state';

/** An action's answer, the action, and whether one of its boxes is being sent (every box waits for it). */
export type BoxAnswer = [state: CommentFormState, action: (formData: FormData) => void, sending: boolean];

/** The comment section's answers, one per action, held by `ThreadForms`. */
export const BoxAnswers = createContext<{ comment: BoxAnswer; edit: BoxAnswer } | null>(null);

/** The answer for one box (`formBox`): the section's answer if it names this box, else a fresh form. */
export function useBoxAnswer(kind: 'comment' | 'edit', box: string): BoxAnswer {
  const answers = useContext(BoxAnswers);
  if (!answers) throw new Error('Comment boxes are drawn inside <ThreadForms>.');
  const [state, action, sending] = answers[kind];
  return [state.box === box ? state : idleCommentForm, action, sending];
}
