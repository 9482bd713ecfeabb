'use client';

import { useActionState, type ReactNode } from 'react';
import { createCommentAction } from '@/app/actions/create-comment-action';
import { editCommentAction } from '@/app/actions/edit-comment-action';
import { idleCommentForm } from '@/lib/comments/form-state';
import { BoxAnswers } from './box-answers';
import { CommentForm } from './comment-form';
import { EditCommentForm } from './edit-comment-form';

/**
 * Holds the answers to every comment box of the comment section (the new comment, a reply, an
 * edit) in one place that every render of the post page has, whatever the thread shows.
 *
 * Without JavaScript a refused form comes back as a new page, and React hands the answer to the
 * form state at the same place in the page it was sent from. Kept in a reply or edit box, that
 * place is under its comment, and it is gone when the comment is no longer drawn (deleted or held
 * meanwhile, the database down, the reader signed out): the text and the reason were lost. Kept
 * here, they always arrive; a box whose comment is not drawn (`drawn` names the boxes the thread
 * draws) comes back at the top of the section with the text and the reason.
 */
export function ThreadForms({
  postId,
  guest,
  drawn,
  children,
}: {
  postId: string;
  /** No one is signed in: a reply coming back asks for the guest's name again. */
  guest: boolean;
  drawn: string[];
  children: ReactNode;
}) {
  const comment = useActionState(createCommentAction, idleCommentForm);
  const edit = useActionState(editCommentAction, idleCommentForm);
  const [commentState] = comment;
  const [editState] = edit;
  const strayReply =
    commentState.status === 'error' && commentState.box && !drawn.includes(commentState.box) ? commentState.box : null;
  const strayEdit =
    editState.status === 'error' && editState.box && !drawn.includes(editState.box) ? editState.box : null;
  return (
    <BoxAnswers.Provider value={{ comment: [comment[0], comment[1]], edit: [edit[0], edit[1]] }}>
      {strayReply && (
        <div className="stray-form">
          <CommentForm
            postId={postId}
            formStamp=""
            parentId={Number(strayReply.slice('reply-'.length))}
            label="Your reply"
            guest={guest}
            onlyIfRefused
          />
        </div>
      )}
      {strayEdit && (
        <div className="stray-form">
          <EditCommentForm
            commentId={Number(strayEdit.slice('edit-'.length))}
            body=""
            windowOver={false}
            cancelHref="#comments"
          />
        </div>
      )}
      {children}
    </BoxAnswers.Provider>
  );
}
