import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { CAPTURE_BATCH, captureBatch, captureEventFields } from "./capture-batch";
import type { CaptureEvent } from "./capture-batch";
import type { PosthogSettings } from "./settings";

export const trackScreen: ActionDefinition<PosthogSettings, CaptureEvent> = {
  key: "trackScreen",
  title: "Track Screen View",
  description: "Send screen calls to PostHog as $screen events.",
  fields: captureEventFields(z.literal("$screen"), z.looseObject({ $screen_name: z.string().min(1) })),
  defaultTrigger: 'type = "screen"',
  defaultMappingFile: "mappings/posthog/track-screen.jsonata",
  batch: CAPTURE_BATCH,
  perform: batchOfOne(captureBatch),
  performBatch: captureBatch,
};
