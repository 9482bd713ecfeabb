/** What an admin form shows after a submission. Pure types and idle values, for client forms too. */
export interface AdminFormState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  /** Field → message; `request` for refusals that belong to no field. */
  errors: Record<string, string>;
  /** What was typed, handed back on error so nothing has to be typed again. */
  values: Record<string, string>;
  /** Changes on every success so forms can start fresh. */
  submittedAt?: number;
  /** A button that goes on with what this submission began and left unfinished (a whole tab, a step at a time). */
  next?: GoOn;
}

/** A submit button's value and label: pressed, it carries everything the next step needs. */
export interface GoOn {
  value: string;
  label: string;
}

export const idleAdminForm: AdminFormState = { status: 'idle', errors: {}, values: {} };
