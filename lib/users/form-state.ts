export interface AccountFormState {
  errors: Record<string, string>;
  values: Record<string, string>;
}

export const idleAccountForm: AccountFormState = { errors: {}, values: {} };
