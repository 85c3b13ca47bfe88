import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { CAPTURE_BATCH, captureBatch, captureEventFields } from "./capture-batch";
import type { CaptureEvent } from "./capture-batch";
import type { PosthogSettings } from "./settings";

export const trackPage: ActionDefinition<PosthogSettings, CaptureEvent> = {
  key: "trackPage",
  title: "Track Page View",
  description: "Send page calls to PostHog as $pageview events.",
  fields: captureEventFields(z.literal("$pageview"), z.looseObject({ $current_url: z.string().min(1).meta({ description: "The page's full URL." }) })),
  defaultTrigger: 'type = "page"',
  defaultMappingFile: "mappings/posthog/track-page.jsonata",
  batch: CAPTURE_BATCH,
  perform: batchOfOne(captureBatch),
  performBatch: captureBatch,
};
