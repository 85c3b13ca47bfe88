import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { IMPORT_BATCH, importEventFields, importEvents } from "./import-events";
import type { ImportEvent } from "./import-events";
import type { MixpanelSettings } from "./settings";

export const trackPage: ActionDefinition<MixpanelSettings, ImportEvent> = {
  key: "trackPage",
  title: "Track Page View",
  description: `Send page calls to Mixpanel as "Viewed <name> Page" (or "Loaded a Page") events.`,
  fields: importEventFields,
  defaultTrigger: 'type = "page"',
  defaultMappingFile: "mappings/mixpanel/track-page.jsonata",
  batch: IMPORT_BATCH,
  perform: batchOfOne(importEvents),
  performBatch: importEvents,
};
