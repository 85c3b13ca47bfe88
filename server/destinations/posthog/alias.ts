import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { CAPTURE_BATCH, captureBatch, captureEventFields } from "./capture-batch";
import type { CaptureEvent } from "./capture-batch";
import type { PosthogSettings } from "./settings";

const properties = z.looseObject({
  alias: z.string().min(1).meta({ description: "The other id (the alias call's previousId), merged into distinct_id's person." }),
});

export const alias: ActionDefinition<PosthogSettings, CaptureEvent> = {
  key: "alias",
  title: "Alias",
  description: "Merge a previous id into the person of the new one ($create_alias).",
  fields: captureEventFields(z.literal("$create_alias"), properties),
  defaultTrigger: 'type = "alias"',
  defaultMappingFile: "mappings/posthog/alias.jsonata",
  batch: CAPTURE_BATCH,
  perform: batchOfOne(captureBatch),
  performBatch: captureBatch,
};
