import { finalError } from "../errors";
import { failed } from "../outcomes";
import type { ActionContext, DeliveryOutcome } from "../types";
import { collectUrl } from "./collect-url";
import type { Ga4Settings } from "./settings";
import { validationAnswer } from "./validation-outcomes";

/**
 * Sends a made-up event to the validation server, which records nothing. It checks the request
 * and the measurement ID's form; GA4 does not say whether the API secret is right.
 */
export async function testConnection(ctx: ActionContext<Ga4Settings>): Promise<DeliveryOutcome> {
  const result = await ctx.http.request({
    method: "POST",
    url: collectUrl(ctx, true),
    json: { client_id: "switchyard.connection-test", events: [{ name: "switchyard_connection_test", params: {} }] },
  });
  const answer = validationAnswer.safeParse(result.response?.json);
  if (result.outcome.status === "failed" || !answer.success) return result.outcome;
  const [first] = answer.data.validationMessages;
  if (!first) return result.outcome;
  return failed(finalError("SETTINGS_INVALID", `GA4's validation server refused the test event: ${first.description}`));
}
