import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const segmentSettings = z.object({
  writeKey: z
    .string()
    .min(1)
    .meta({ title: "Write key", description: "The write key of the receiving source (Segment, Switchyard or another Segment-compatible CDP)." }),
});

export type SegmentSettings = DestinationSettingsOf<typeof segmentSettings>;

/** Segment's regional tracking API hosts; the base URL override points anywhere else, e.g. another Switchyard. */
export const SEGMENT_REGIONS = {
  US: "https://api.segment.io",
  EU: "https://events.eu1.segmentapis.com",
};
