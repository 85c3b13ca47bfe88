import { z } from "zod";

/** How a /users/track object names its user: one of these is required. */
export const userIdentifiers = {
  external_id: z.string().min(1).optional().meta({ description: "Your id for the user (the userId)." }),
  braze_id: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
  phone: z.string().min(1).optional(),
  user_alias: z.object({ alias_name: z.string().min(1), alias_label: z.string().min(1) }).optional(),
};

export function namesUser(object: { external_id?: string; braze_id?: string; email?: string; phone?: string; user_alias?: unknown }): boolean {
  return [object.external_id, object.braze_id, object.email, object.phone, object.user_alias].some((value) => value !== undefined);
}

export const USER_REQUIRED = "needs one of external_id, braze_id, email, phone, user_alias";

/** Braze times are ISO 8601 date-times. */
export const brazeTime = z.iso.datetime({ offset: true });
