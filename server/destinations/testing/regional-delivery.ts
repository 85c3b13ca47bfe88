import { expect, it } from "vitest";
import { regionalBaseUrl, resolveBaseUrl } from "../base-url";
import type { DestinationDefinition } from "../types";
import type { LocalApi } from "./local-api";
import type { RunActionResult } from "./run-action";

/** A region a user can pick, with the base URL it must send to. */
export type RegionCase = [region: string, url: string];

export interface RegionalDeliveryCheck {
  destination: DestinationDefinition;
  api: LocalApi;
  /** Sends one sample event with `region` in the settings, to the local API (through the `baseUrl` override). */
  send: (region: string) => Promise<RunActionResult>;
  /** Where that event must arrive: the request's path with its query, or its pathname alone. */
  arrivesAt: { path: string } | { pathname: string };
}

/**
 * Checks, one test a region, that a destination's regions resolve to their API hosts and that an
 * event sent with a region still reaches the `baseUrl` override, delivered at the action's path.
 * Call it inside the destination's regions `describe`.
 */
export function itSendsToEachRegion(check: RegionalDeliveryCheck, regions: RegionCase[]): void {
  it.each(regions)("%s sends to %s, unless the base URL is overridden", async (region, url) => {
    expect(regionalBaseUrl(check.destination, region)).toBe(url);
    expect(resolveBaseUrl(check.destination, { region })).toBe(url);
    const result = await check.send(region);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const request = check.api.requests[0];
    if ("path" in check.arrivesAt) expect(request?.path).toBe(check.arrivesAt.path);
    else expect(request?.pathname).toBe(check.arrivesAt.pathname);
  });
}
