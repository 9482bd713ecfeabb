export interface AccountFormState {
  errors: Record<string, string>;
  values: Record<string, string>;
  /** What a form that succeeded in place says it did. */
  message?: string;
}

export const idleAccountForm: AccountFormState = { errors: {}, values: {} };
