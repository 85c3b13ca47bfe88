import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { CAPTURE_BATCH, captureBatch, captureEventFields } from "./capture-batch";
import type { CaptureEvent } from "./capture-batch";
import type { PosthogSettings } from "./settings";

const properties = z.looseObject({
  $set: z.record(z.string(), z.unknown()).meta({ description: "Person properties to set." }),
  $anon_distinct_id: z.string().min(1).optional().meta({ description: "The anonymous id to merge into this person." }),
});

export const identifyUser: ActionDefinition<PosthogSettings, CaptureEvent> = {
  key: "identifyUser",
  title: "Identify User",
  description: "Set person properties from identify calls ($identify with $set), linking the anonymous id.",
  fields: captureEventFields(z.literal("$identify"), properties),
  defaultTrigger: 'type = "identify"',
  defaultMappingFile: "mappings/posthog/identify-user.jsonata",
  batch: CAPTURE_BATCH,
  perform: batchOfOne(captureBatch),
  performBatch: captureBatch,
};
