import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionContext, ActionDefinition } from "../types";
import type { MixpanelSettings } from "./settings";
import { postVerbose } from "./verbose-update";

const fields = z.object({
  $group_key: z.string().min(1).optional().meta({ description: "Defaults to the Group key setting." }),
  $group_id: z.string().min(1),
  $set: z.record(z.string(), z.unknown()),
});

type Payload = z.output<typeof fields>;

function setGroups(ctx: ActionContext<MixpanelSettings>, payloads: Payload[]) {
  return postVerbose(
    ctx,
    "/groups",
    payloads.map(({ $group_key, ...rest }) => ({ $token: ctx.settings.projectToken, $group_key: $group_key ?? ctx.settings.groupKey, ...rest })),
  );
}

export const groupIdentify: ActionDefinition<MixpanelSettings, Payload> = {
  key: "groupIdentify",
  title: "Group Identify",
  description: "Set properties on a Mixpanel group profile from group calls.",
  fields,
  defaultTrigger: 'type = "group"',
  defaultMappingFile: "mappings/mixpanel/group-identify.jsonata",
  batch: { maxEvents: 2000, maxBytes: 2 * 1024 * 1024 },
  perform: batchOfOne(setGroups),
  performBatch: setGroups,
};
