'use client';

import { Component, type ReactNode } from 'react';

/**
 * A comment box whose request gets no answer the page can read (the blog unreachable, or a proxy
 * in front refusing it in words of its own) makes the box's action throw. Unhandled, that takes the
 * whole post page down to Next's "This page couldn't load". Here only the comment section stops: it
 * says what happened and draws its boxes again on request, and what was typed comes back from the
 * browser's draft (use-draft).
 */
export class UnansweredBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="form-error" role="alert">
        <p>The blog did not answer as expected, so nothing was changed. What you wrote is kept in this browser.</p>
        <button type="button" onClick={() => this.setState({ failed: false })}>
          Back to the comments
        </button>
      </div>
    );
  }
}
