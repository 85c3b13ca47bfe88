/**
 * Who is doing something: a signed-in user, a user's API token, the local CLI or Switchyard
 * itself. Audit entries and action versions record it.
 */
export type Actor = {
  /** The user's id, or null for the local CLI and Switchyard itself. */
  userId: string | null;
  /** What a person reads in the audit log: an email, "CLI", "token NAME (email)", "Switchyard". */
  label: string;
};

export const SYSTEM_ACTOR: Actor = { userId: null, label: "Switchyard" };

/** The CLI working on the database directly (no server, no token). */
export const LOCAL_CLI_ACTOR: Actor = { userId: null, label: "CLI" };
