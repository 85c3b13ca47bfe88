import type { DestinationDefinition } from "../types";
import { forwardEvent } from "./forward-event";
import { SEGMENT_REGIONS, segmentSettings } from "./settings";

export const segment: DestinationDefinition<typeof segmentSettings> = {
  key: "segment",
  name: "Segment",
  category: "Raw Data",
  description: "Forward events to Segment or any Segment-compatible CDP, including another Switchyard (set the base URL).",
  settings: segmentSettings,
  secretSettings: ["writeKey"],
  regions: SEGMENT_REGIONS,
  defaultRegion: "US",
  // The receiving CDP applies identify, alias and track in the order they arrive.
  keepsUserOrder: true,
  actions: [forwardEvent],
};
