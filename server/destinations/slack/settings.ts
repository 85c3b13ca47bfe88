import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const slackSettings = z.object({
  webhookUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .meta({
      title: "Incoming webhook URL",
      description: "From Slack's Incoming Webhooks app: https://hooks.slack.com/services/… The URL is the credential.",
    }),
  channel: z.string().optional().meta({ title: "Channel", description: "Overrides the webhook's channel, e.g. #signups." }),
  username: z.string().optional().meta({ title: "Bot name" }),
  iconUrl: z.url().optional().meta({ title: "Bot icon URL" }),
});

export type SlackSettings = DestinationSettingsOf<typeof slackSettings>;
