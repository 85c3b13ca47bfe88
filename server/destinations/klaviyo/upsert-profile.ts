import { z } from "zod";
import { apiMessage } from "../api-message";
import { finalError } from "../errors";
import { failed } from "../outcomes";
import type { ActionContext, ActionDefinition, DeliveryOutcome } from "../types";
import { klaviyoRequest } from "./klaviyo-request";
import { hasIdentifier, IDENTIFIER_REQUIRED, profileAttributes } from "./profile-fields";
import type { KlaviyoSettings } from "./settings";

const fields = z.object({
  data: z.object({
    type: z.literal("profile"),
    attributes: profileAttributes.refine(hasIdentifier, IDENTIFIER_REQUIRED),
  }),
});

type Payload = z.output<typeof fields>;

/**
 * Creates or updates the profile through `/api/profile-import` (200 updated, 201 created). A 409
 * means the identifiers belong to different profiles: sending again cannot fix that, so it is final.
 */
async function importProfile(ctx: ActionContext<KlaviyoSettings>, payload: Payload): Promise<DeliveryOutcome> {
  const result = await klaviyoRequest(ctx, "POST", "/api/profile-import", payload);
  if (result.response?.status === 409) {
    const said = apiMessage(result.response.text) || "conflicting identifiers";
    return failed(finalError("REJECTED", `Klaviyo could not match the profile's identifiers to one profile: ${said}`, { status: 409 }));
  }
  return result.outcome;
}

export const upsertProfile: ActionDefinition<KlaviyoSettings, Payload> = {
  key: "upsertProfile",
  title: "Create or Update Profile",
  description: "Create or update a Klaviyo profile from identify calls: identifiers, standard attributes and custom properties.",
  fields,
  defaultTrigger: 'type = "identify" and (userId != null or traits.email != null or traits.phone != null)',
  defaultMappingFile: "mappings/klaviyo/upsert-profile.jsonata",
  perform: importProfile,
};
