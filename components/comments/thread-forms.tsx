'use client';

import { useActionState, useState, type ReactNode } from 'react';
import { createCommentAction } from '@/app/actions/create-comment-action';
import { editCommentAction } from '@/app/actions/edit-comment-action';
import { type CommentFormState, formBox, idleCommentForm } from '@/lib/comments/form-state';
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
 * draws) comes back at the top of the section with the text and the reason. A reply whose comment
 * is gone comes back ready to go in as a new comment: sent as a reply again it would be refused again.
 */
export function ThreadForms({
  postId,
  guest,
  asked,
  drawn,
  cancelHref,
  formStamp,
  replyGone,
  editGone,
  children,
}: {
  postId: string;
  /** No one is signed in: a reply coming back asks for the guest's name again. */
  guest: boolean;
  /** What the address asks of the boxes (`?reply=`, `?edit=`): when it changes, earlier answers are done with. */
  asked: string;
  /** The boxes this render draws in the thread (`formBox` names). */
  drawn: string[];
  /** The thread without any box open: where a box that came back here is put away. */
  cancelHref: string;
  /** The page's form stamp (lib/spam), for a reply box kept after its comment left the thread. */
  formStamp: string;
  /** The reply the address asks for answers a comment that can no longer be answered (removed meanwhile). */
  replyGone: boolean;
  /** The edit the address asks for is of a comment no longer the reader's to rewrite (removed meanwhile). */
  editGone: boolean;
  children: ReactNode;
}) {
  const comment = useActionState(createCommentAction, idleCommentForm);
  const edit = useActionState(editCommentAction, idleCommentForm);
  // The answers as they stood when the address last changed (none at first): a refused reply
  // cancelled, or left for another comment's Reply, is not drawn again.
  const [spent, setSpent] = useState<{
    asked: string;
    comment: CommentFormState | null;
    edit: CommentFormState | null;
  }>({
    asked,
    comment: null,
    edit: null,
  });
  if (spent.asked !== asked) setSpent({ asked, comment: comment[0], edit: edit[0] });
  const commentAnswer = comment[0] === spent.comment ? idleCommentForm : comment[0];
  const editAnswer = edit[0] === spent.edit ? idleCommentForm : edit[0];
  // A stray reply stays after it is published too, until the address moves on (to the reply, on
  // another page or this one): it says so, and forgets the reply's draft.
  const strayReply =
    commentAnswer.status !== 'idle' && commentAnswer.box && !drawn.includes(commentAnswer.box) ? commentAnswer.box : null;
  // The reply the address asks for, when its comment was removed while the reader wrote and a live
  // update drew the thread without it: its box would vanish with the comment, and the text from sight.
  const askedReply = asked.split(':')[0];
  const keptReply = replyGone && askedReply && !drawn.includes(formBox('reply', askedReply)) ? Number(askedReply) : null;
  // The stamp this section was first drawn with: a box kept after a live update is timed from when
  // its reader began (lib/spam), not from that update.
  const [firstStamp, setFirstStamp] = useState(formStamp);
  if (formStamp && !firstStamp) setFirstStamp(formStamp);
  // One place for a reply box outside the thread, whichever brought it (an answer, or a removed
  // comment's draft), so that it keeps its state, focus and text from one to the other.
  const lonelyReply = strayReply ?? (keptReply === null ? null : formBox('reply', keptReply));
  const strayEdit =
    (editAnswer.status === 'error' || editAnswer.status === 'preview') && editAnswer.box && !drawn.includes(editAnswer.box)
      ? editAnswer.box
      : null;
  // The edit the address asks for, when its comment was removed while the author rewrote it and a
  // live update drew the thread without it: kept, as a removed comment's reply is.
  const askedEdit = asked.split(':')[1];
  const keptEdit = editGone && askedEdit && !drawn.includes(formBox('edit', askedEdit)) ? formBox('edit', askedEdit) : null;
  const lonelyEdit = strayEdit ?? keptEdit;
  return (
    <BoxAnswers.Provider
      value={{ comment: [commentAnswer, comment[1], comment[2]], edit: [editAnswer, edit[1], edit[2]] }}
    >
      {lonelyReply && (
        <div className="stray-form">
          <CommentForm
            postId={postId}
            formStamp={firstStamp}
            parentId={Number(lonelyReply.slice('reply-'.length))}
            label="Your reply"
            cancelHref={cancelHref}
            guest={guest}
            onlyIfRefused
            keepIfDrafted={keptReply !== null}
          />
        </div>
      )}
      {lonelyEdit && (
        <div className="stray-form">
          <EditCommentForm
            commentId={Number(lonelyEdit.slice('edit-'.length))}
            body={null}
            windowOver={false}
            cancelHref={cancelHref}
            keepIfDrafted={keptEdit !== null}
          />
        </div>
      )}
      {children}
    </BoxAnswers.Provider>
  );
}
