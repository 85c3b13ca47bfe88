import { Analytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalApi, type LocalApi } from "../destinations/testing/local-api";
import type { RunningSwitchyard } from "../http/switchyard-server";
import { createSqliteTestDatabase } from "../../test/sqlite";
import { eventually } from "../../test/delivery-fixture";

process.env.DATABASE_URL = createSqliteTestDatabase();
process.env.SWITCHYARD_RUNNER_POLL_MS = "50";

describe("from the Node SDK to Webhook and Mixpanel, through a running Switchyard", () => {
  let app: RunningSwitchyard;
  let webhookApi: LocalApi;
  let mixpanelApi: LocalApi;

  beforeAll(async () => {
    const { startSwitchyard } = await import("../http/switchyard-server");
    app = await startSwitchyard({ port: 0, ui: false, runner: true });
    webhookApi = await startLocalApi();
    mixpanelApi = await startLocalApi();
  });
  afterAll(async () => {
    await app?.close();
    await webhookApi?.close();
    await mixpanelApi?.close();
  });

  it("delivers what the SDK sent to both destinations, as their APIs expect", async () => {
    const { db } = await import("../db");
    const { DestinationService } = await import("./destination-service");
    const { SYSTEM_ACTOR } = await import("../auth/actor");
    const { setAllowedPrivateHosts } = await import("../workspaces/workspace-service");
    // The stand-in APIs listen on loopback: allowed explicitly, as an admin would.
    await setAllowedPrivateHosts(db, SYSTEM_ACTOR, app.workspace.id, ["127.0.0.1"]);
    const destinations = new DestinationService(db, SYSTEM_ACTOR);
    const source = app.demoSource!;
    const webhook = await destinations.create(app.workspace.id, { type: "webhook", name: "Orders hook", settings: { url: `${webhookApi.url}/orders`, sharedSecret: "hook-secret-123" } });
    const mixpanel = await destinations.create(app.workspace.id, { type: "mixpanel", name: "Product analytics", settings: { projectToken: "proj-token", apiSecret: "mixpanel-secret", baseUrl: mixpanelApi.url } });
    await destinations.connect(app.workspace.id, source.id, webhook.id);
    await destinations.connect(app.workspace.id, source.id, mixpanel.id);

    const analytics = new Analytics({ writeKey: source.writeKey, host: app.url, flushInterval: 50 });
    analytics.identify({ userId: "user-42", traits: { email: "ada@example.com", name: "Ada Lovelace" } });
    analytics.track({ userId: "user-42", event: "Order Completed", properties: { order_id: "o-9", total: 99.5, currency: "EUR" } });
    await analytics.closeAndFlush();

    await eventually(() => webhookApi.requests.length >= 2 && mixpanelApi.requests.length >= 2, 20_000, "both destinations");

    // Webhook: every event, as JSON, signed with the shared secret.
    const hooked = webhookApi.requests.map((r) => r.body as { type: string; messageId: string });
    expect(hooked.map((e) => e.type).sort()).toEqual(["identify", "track"]);
    for (const request of webhookApi.requests) {
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/orders");
      expect(request.headers["x-signature"]).toMatch(/^[0-9a-f]{40}$/);
    }

    // Mixpanel: the track call to /import (Basic auth with the API secret), the identify to /engage.
    const imported = mixpanelApi.requests.find((r) => r.pathname === "/import")!;
    expect(imported.method).toBe("POST");
    expect(imported.query).toEqual({ strict: "1" });
    expect(imported.headers.authorization).toBe(`Basic ${Buffer.from("mixpanel-secret:").toString("base64")}`);
    const [event] = imported.body as Array<{ event: string; properties: Record<string, unknown> }>;
    expect(event).toMatchObject({ event: "Order Completed", properties: { distinct_id: "user-42", order_id: "o-9", total: 99.5, currency: "EUR" } });
    expect(typeof event!.properties.time).toBe("number");
    const engaged = mixpanelApi.requests.find((r) => r.pathname === "/engage")!;
    expect(JSON.stringify(engaged.body)).toContain("ada@example.com");

    // The delivery log has both, with the secrets masked.
    const attempts = await db.deliveryAttempt.findMany({ where: { destinationId: mixpanel.id } });
    expect(attempts.every((a) => a.status === "succeeded")).toBe(true);
    expect(attempts.map((a) => a.request).join("")).not.toContain("mixpanel-secret");
    expect(attempts.map((a) => a.request).join("")).not.toContain(Buffer.from("mixpanel-secret:").toString("base64"));
  });
});
