import { z } from "zod";
import type { ActionDefinition } from "../types";
import type { SlackSettings } from "./settings";

const fields = z.object({
  text: z.string().min(1).meta({ description: "The message, in Slack's mrkdwn." }),
  channel: z.string().optional(),
  username: z.string().optional(),
  icon_url: z.url().optional(),
  blocks: z.array(z.record(z.string(), z.unknown())).optional().meta({ description: "Block Kit blocks; `text` stays the notification fallback." }),
});

type Payload = z.output<typeof fields>;

export const postMessage: ActionDefinition<SlackSettings, Payload> = {
  key: "postMessage",
  title: "Post Message",
  description: "Post a message to a Slack channel through an incoming webhook.",
  fields,
  defaultTrigger: 'type = "track"',
  defaultMappingFile: "mappings/slack/post-message.jsonata",

  async perform(ctx, payload) {
    const { webhookUrl, channel, username, iconUrl } = ctx.settings;
    const message = {
      ...(channel ? { channel } : {}),
      ...(username ? { username } : {}),
      ...(iconUrl ? { icon_url: iconUrl } : {}),
      ...payload,
    };
    const result = await ctx.http.request({ method: "POST", url: webhookUrl, json: message });
    return result.outcome;
  },
};
