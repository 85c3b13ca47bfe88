import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionContext, ActionDefinition } from "../types";
import type { MixpanelSettings } from "./settings";
import { postVerbose } from "./verbose-update";

const fields = z.object({
  distinct_id: z.string().min(1).meta({ description: "The id the user had (the alias call's previousId)." }),
  alias: z.string().min(1).meta({ description: "The id that now also means this user (the alias call's userId)." }),
});

type Payload = z.output<typeof fields>;

function createAliases(ctx: ActionContext<MixpanelSettings>, payloads: Payload[]) {
  return postVerbose(
    ctx,
    "/track",
    payloads.map((payload) => ({ event: "$create_alias", properties: { ...payload, token: ctx.settings.projectToken } })),
  );
}

/** Only projects on Mixpanel's original ID merge need this; Simplified ID Merge links ids from events. */
export const alias: ActionDefinition<MixpanelSettings, Payload> = {
  key: "alias",
  title: "Alias",
  description: "Link a new id to an existing one with a $create_alias event (original ID merge projects).",
  fields,
  defaultTrigger: 'type = "alias"',
  defaultMappingFile: "mappings/mixpanel/alias.jsonata",
  batch: { maxEvents: 50 },
  perform: batchOfOne(createAliases),
  performBatch: createAliases,
};
