import type { DestinationDefinition } from "../types";
import { send } from "./send";
import { webhookSettings } from "./settings";

export const webhook: DestinationDefinition<typeof webhookSettings> = {
  key: "webhook",
  name: "Webhook",
  category: "Raw Data",
  description: "Send events as JSON to any HTTP endpoint, optionally signed with a shared secret.",
  settings: webhookSettings,
  urlSettings: ["url"],
  secretSettings: ["sharedSecret"],
  keepsUserOrder: false,
  actions: [send],
};
