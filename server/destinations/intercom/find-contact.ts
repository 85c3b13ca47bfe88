import { z } from "zod";
import type { ActionContext } from "../types";
import { intercomRequest } from "./intercom-request";
import type { IntercomSettings } from "./settings";

const searchAnswer = z.object({ total_count: z.number(), data: z.array(z.object({ id: z.string() })) });
const conflictAnswer = z.object({ errors: z.array(z.object({ message: z.string() })).min(1) });

/** The existing contact's id that a 409 from `POST /contacts` names ("…already exists with id=…"). */
export function conflictingContactId(json: unknown): string | undefined {
  const answer = conflictAnswer.safeParse(json);
  if (!answer.success) return undefined;
  return answer.data.errors.map((error) => /\bid=([0-9a-z]+)/i.exec(error.message)?.[1]).find((id) => id !== undefined);
}

/**
 * Finds the one contact with this external_id (else email) through `/contacts/search`. Undefined
 * when none or several match, or the search failed; search results lag writes by a few seconds.
 */
export async function searchContactId(ctx: ActionContext<IntercomSettings>, contact: { external_id?: string; email?: string }) {
  const field = contact.external_id !== undefined ? "external_id" : "email";
  const value = contact.external_id ?? contact.email;
  if (value === undefined) return undefined;
  const result = await intercomRequest(ctx, "POST", "/contacts/search", { query: { field, operator: "=", value } });
  const answer = searchAnswer.safeParse(result.response?.json);
  if (result.outcome.status === "failed" || !answer.success || answer.data.total_count !== 1) return undefined;
  return answer.data.data[0]?.id;
}
