import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionContext, ActionDefinition } from "../types";
import { CAPTURE_BATCH, captureBatch, captureEventFields } from "./capture-batch";
import type { CaptureEvent } from "./capture-batch";
import type { PosthogSettings } from "./settings";

const properties = z.looseObject({
  $group_type: z.string().min(1).optional().meta({ description: "Defaults to the Group type setting." }),
  $group_key: z.string().min(1).meta({ description: "The group's id." }),
  $group_set: z.record(z.string(), z.unknown()).optional().meta({ description: "Group properties to set." }),
});

function identifyGroups(ctx: ActionContext<PosthogSettings>, events: CaptureEvent[]) {
  return captureBatch(
    ctx,
    events.map((event) => ({ ...event, properties: { $group_type: ctx.settings.groupType, ...event.properties } })),
  );
}

/** Group analytics is a paid PostHog feature; without it PostHog accepts and ignores these. */
export const groupIdentify: ActionDefinition<PosthogSettings, CaptureEvent> = {
  key: "groupIdentify",
  title: "Group Identify",
  description: "Set group properties from group calls ($groupidentify).",
  fields: captureEventFields(z.literal("$groupidentify"), properties),
  defaultTrigger: 'type = "group"',
  defaultMappingFile: "mappings/posthog/group-identify.jsonata",
  batch: CAPTURE_BATCH,
  perform: batchOfOne(identifyGroups),
  performBatch: identifyGroups,
};
