import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { IMPORT_BATCH, importEventFields, importEvents } from "./import-events";
import type { ImportEvent } from "./import-events";
import type { MixpanelSettings } from "./settings";

export const trackEvent: ActionDefinition<MixpanelSettings, ImportEvent> = {
  key: "trackEvent",
  title: "Track Event",
  description: "Send track calls to Mixpanel as events, through the /import API.",
  fields: importEventFields,
  defaultTrigger: 'type = "track"',
  defaultMappingFile: "mappings/mixpanel/track-event.jsonata",
  batch: IMPORT_BATCH,
  perform: batchOfOne(importEvents),
  performBatch: importEvents,
};
