import type { DestinationDefinition } from "../types";
import { postMessage } from "./post-message";
import { slackSettings } from "./settings";

export const slack: DestinationDefinition<typeof slackSettings> = {
  key: "slack",
  name: "Slack",
  category: "Messaging",
  description: "Post a message to a Slack channel when chosen events happen.",
  settings: slackSettings,
  urlSettings: ["webhookUrl"],
  secretSettings: ["webhookUrl"],
  keepsUserOrder: false,
  actions: [postMessage],
};
