export interface AccountFormState {
  errors: Record<string, string>;
  values: Record<string, string>;
  /** What a form that succeeded in place says it did. */
  message?: string;
  /** The reader was signed out before the form was sent (another tab, the session's end). */
  signedOut?: boolean;
}

export const idleAccountForm: AccountFormState = { errors: {}, values: {} };
