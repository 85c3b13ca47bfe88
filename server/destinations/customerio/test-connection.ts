import { z } from "zod";
import { basicAuth } from "../basic-auth";
import { finalError } from "../errors";
import { failed } from "../outcomes";
import type { ActionContext, DeliveryOutcome } from "../types";
import type { CustomerioSettings } from "./settings";

const regionAnswer = z.object({ data_center: z.string() });

/**
 * Asks the Track API which region the credentials belong to: a 401 means wrong credentials,
 * and a workspace in the other region is reported, since sending there would fail.
 */
export async function testConnection(ctx: ActionContext<CustomerioSettings>): Promise<DeliveryOutcome> {
  const result = await ctx.http.request({
    method: "GET",
    url: `${ctx.baseUrl}/api/v1/accounts/region`,
    headers: { Authorization: basicAuth(ctx.settings.siteId, ctx.settings.apiKey) },
  });
  const answer = regionAnswer.safeParse(result.response?.json);
  if (result.outcome.status === "failed" || !answer.success) return result.outcome;
  const region = answer.data.data_center.toUpperCase();
  if (ctx.settings.region && region !== ctx.settings.region) {
    return failed(finalError("SETTINGS_INVALID", `This Customer.io workspace is in the ${region} region; set Region to ${region}`));
  }
  return result.outcome;
}
