import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionContext, ActionDefinition } from "../types";
import type { MixpanelSettings } from "./settings";
import { postVerbose } from "./verbose-update";

const fields = z.object({
  $distinct_id: z.string().min(1),
  $ip: z.string().optional().meta({ description: "Sets the profile's location; omit to keep it." }),
  $set: z.record(z.string(), z.unknown()).meta({ description: "Profile properties: $email, $name, $first_name, ... and your own." }),
});

type Payload = z.output<typeof fields>;

function setProfiles(ctx: ActionContext<MixpanelSettings>, payloads: Payload[]) {
  return postVerbose(
    ctx,
    "/engage",
    payloads.map((payload) => ({ $token: ctx.settings.projectToken, ...payload })),
  );
}

export const identifyUser: ActionDefinition<MixpanelSettings, Payload> = {
  key: "identifyUser",
  title: "Identify User",
  description: "Set properties on a Mixpanel user profile from identify calls.",
  fields,
  defaultTrigger: 'type = "identify"',
  defaultMappingFile: "mappings/mixpanel/identify-user.jsonata",
  batch: { maxEvents: 2000, maxBytes: 2 * 1024 * 1024 },
  perform: batchOfOne(setProfiles),
  performBatch: setProfiles,
};
