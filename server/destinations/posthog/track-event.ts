import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { CAPTURE_BATCH, captureBatch, captureEventFields } from "./capture-batch";
import type { CaptureEvent } from "./capture-batch";
import type { PosthogSettings } from "./settings";

export const trackEvent: ActionDefinition<PosthogSettings, CaptureEvent> = {
  key: "trackEvent",
  title: "Track Event",
  description: "Send track calls to PostHog as events.",
  fields: captureEventFields(z.string().min(1), z.record(z.string(), z.unknown())),
  defaultTrigger: 'type = "track"',
  defaultMappingFile: "mappings/posthog/track-event.jsonata",
  batch: CAPTURE_BATCH,
  perform: batchOfOne(captureBatch),
  performBatch: captureBatch,
};
