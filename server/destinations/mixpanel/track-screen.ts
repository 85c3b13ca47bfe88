import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { IMPORT_BATCH, importEventFields, importEvents } from "./import-events";
import type { ImportEvent } from "./import-events";
import type { MixpanelSettings } from "./settings";

export const trackScreen: ActionDefinition<MixpanelSettings, ImportEvent> = {
  key: "trackScreen",
  title: "Track Screen View",
  description: `Send screen calls to Mixpanel as "Viewed <name> Screen" (or "Loaded a Screen") events.`,
  fields: importEventFields,
  defaultTrigger: 'type = "screen"',
  defaultMappingFile: "mappings/mixpanel/track-screen.jsonata",
  batch: IMPORT_BATCH,
  perform: batchOfOne(importEvents),
  performBatch: importEvents,
};
