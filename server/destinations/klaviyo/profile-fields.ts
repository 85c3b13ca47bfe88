import { z } from "zod";

const E164 = /^\+[1-9]\d{6,14}$/;

/** Profile identifiers and attributes, as Klaviyo's profile objects take them. */
export const profileAttributes = z.looseObject({
  email: z.string().min(1).optional(),
  phone_number: z.string().regex(E164, "must be in E.164 format, e.g. +442079460958").optional(),
  external_id: z.string().min(1).max(255).optional(),
  anonymous_id: z.string().min(1).optional(),
});

type ProfileAttributes = z.output<typeof profileAttributes>;

/** Klaviyo needs at least one identifier to find or create the profile. */
export function hasIdentifier(profile: ProfileAttributes): boolean {
  return [profile.email, profile.phone_number, profile.external_id, profile.anonymous_id].some((value) => value !== undefined);
}

export const IDENTIFIER_REQUIRED = "needs one of email, phone_number, external_id, anonymous_id";
