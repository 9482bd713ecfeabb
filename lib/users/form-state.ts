export interface AccountFormState {
  errors: Record<string, string>;
  values: Record<string, string>;
  /** What a form that succeeded in place says it did. */
  message?: string;
  /** The reader is not signed in now: signed out before the form was sent (another tab, the session's end), or by what it did. */
  signedOut?: boolean;
}

export const idleAccountForm: AccountFormState = { errors: {}, values: {} };
