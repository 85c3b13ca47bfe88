import { z } from "zod";
import { finalError } from "../errors";
import { failed, sameOutcome } from "../outcomes";
import type { ActionContext, DeliveryOutcome } from "../types";
import type { MixpanelSettings } from "./settings";

const verboseAnswer = z.object({ status: z.union([z.literal(0), z.literal(1)]), error: z.string().nullish() });

/**
 * Posts records to `/engage`, `/groups` or `/track` with `verbose=1`. These endpoints answer
 * 200 even when they refuse the data; the verbose body (`{"status": 0, "error": ...}`) says so.
 */
export async function postVerbose(
  ctx: ActionContext<MixpanelSettings>,
  path: "/engage" | "/groups" | "/track",
  records: unknown[],
): Promise<DeliveryOutcome[]> {
  const result = await ctx.http.request({
    method: "POST",
    url: `${ctx.baseUrl}${path}?verbose=1`,
    headers: { Accept: "application/json" },
    json: records,
  });
  if (result.outcome.status === "delivered") {
    const answer = verboseAnswer.safeParse(result.response?.json);
    if (answer.success && answer.data.status === 0) {
      const reason = answer.data.error ?? "no reason given";
      return sameOutcome(failed(finalError("REJECTED", `Mixpanel refused the update: ${reason}`, { status: 200 })), records.length);
    }
  }
  return sameOutcome(result.outcome, records.length);
}
