import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionContext, ActionDefinition } from "../types";
import type { BrazeSettings } from "./settings";
import { USER_REQUIRED, namesUser, userIdentifiers } from "./user-fields";
import { sendUsersTrack, USERS_TRACK_BATCH } from "./users-track";

const fields = z
  .looseObject({
    ...userIdentifiers,
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    dob: z.iso.date().optional().meta({ description: "Date of birth, YYYY-MM-DD." }),
    country: z.string().optional(),
    home_city: z.string().optional(),
    language: z.string().optional().meta({ description: "ISO 639-1, e.g. en." }),
    time_zone: z.string().optional().meta({ description: "IANA, e.g. Europe/London." }),
  })
  .refine(namesUser, USER_REQUIRED)
  .meta({ description: "A user attributes object: standard attributes and custom ones (any other key)." });

type Payload = z.output<typeof fields>;

function updateProfiles(ctx: ActionContext<BrazeSettings>, profiles: Payload[]) {
  return sendUsersTrack(ctx, "attributes", profiles.map((profile) => [profile]));
}

export const updateUserProfile: ActionDefinition<BrazeSettings, Payload> = {
  key: "updateUserProfile",
  title: "Update User Profile",
  description: "Set standard and custom attributes on a Braze user from identify calls.",
  fields,
  defaultTrigger: 'type = "identify" and userId != null',
  defaultMappingFile: "mappings/braze/update-user-profile.jsonata",
  batch: USERS_TRACK_BATCH,
  perform: batchOfOne(updateProfiles),
  performBatch: updateProfiles,
};
