import type { ActionContext } from "../types";
import type { Ga4Settings } from "./settings";

/** `/mp/collect`, or the validation server's `/debug/mp/collect`, with the stream's credentials. */
export function collectUrl(ctx: ActionContext<Ga4Settings>, debug: boolean): string {
  const query = new URLSearchParams({ measurement_id: ctx.settings.measurementId, api_secret: ctx.settings.apiSecret });
  return `${ctx.baseUrl}/${debug ? "debug/mp/collect" : "mp/collect"}?${query.toString()}`;
}
