import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startLocalApi, type LocalApi } from "../../destinations/testing/local-api";
import { createDeliveryFixture, type DeliveryFixture } from "../../../test/delivery-fixture";
import { createSqliteTestDatabase } from "../../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { adminCallerAs } = await import("../../../test/trpc-callers");
const { DestinationService } = await import("../../delivery/destination-service");
const { sealStoredSecrets } = await import("../../delivery/seal-stored-secrets");
const { getDestinationDefinition } = await import("../../destinations/catalog");
const { sealSecrets } = await import("../../secrets/destination-secrets");
const { secretKey } = await import("../../secrets/secret-key");
const { SECRET_MASK } = await import("../../destinations/settings");

const ADA = { userId: "user-ada", label: "ada@example.com" };
const SECRETS = { mixpanel: "mixpanel-api-secret-Q7rT9x", hook: "hook-shared-secret-Z3pL8k", slack: "https://hooks.slack.com/services/T000/B000/slack-token-W4nV2c" };

let fx: DeliveryFixture;
const { db } = await import("../../db");
let caller: Awaited<ReturnType<typeof adminCallerAs>>;
const apis: LocalApi[] = [];
/** Every answer the API gave in this file, to search for secrets. */
const answers: unknown[] = [];

async function call<T>(promise: Promise<T>): Promise<T> {
  const value = await promise;
  answers.push(value);
  return value;
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error: unknown = await promise.then(() => null, (rejection: unknown) => rejection);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  answers.push({ code: error.code, message: error.message });
  return error;
}

async function localApi(): Promise<LocalApi> {
  const api = await startLocalApi();
  apis.push(api);
  return api;
}

beforeAll(async () => {
  fx = await createDeliveryFixture();
  caller = await adminCallerAs(db, ADA, [fx.workspaceId]);
});
afterEach(async () => {
  await Promise.all(apis.splice(0).map((api) => api.close()));
});
afterAll(async () => {
  await fx.close();
  await fx.db.$disconnect();
});

describe("outbound safety", () => {
  const workspace = () => fx.workspaceId;

  it.each([
    ["http://127.0.0.1:8080/hook", "127.0.0.1, a loopback"],
    ["http://10.1.2.3/hook", "10.1.2.3, a private"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254, a link-local"],
    ["http://[::1]:8080/hook", "::1, a loopback"],
    ["http://localhost:8080/hook", "127.0.0.1, a loopback"],
  ])("refuses a webhook to %s with a message naming the field", async (url, what) => {
    await call(caller.workspaces.setAllowedPrivateHosts({ workspaceId: workspace(), hosts: [] }));
    const error = await errorOf(caller.destinations.create({ workspaceId: workspace(), type: "webhook", name: "Internal", settings: { url } }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(`Invalid settings for Webhook: url: The URL resolves to ${what} address; an admin can allow this host in workspace settings`);
  });

  it("checks Slack's webhook URL and any destination's base URL override, also on update", async () => {
    await call(caller.workspaces.setAllowedPrivateHosts({ workspaceId: workspace(), hosts: [] }));
    const slack = await errorOf(caller.destinations.create({ workspaceId: workspace(), type: "slack", name: "Slack", settings: { webhookUrl: "http://10.0.0.8/services/x" } }));
    expect(slack.message).toMatch(/^Invalid settings for Slack: webhookUrl: The URL resolves to 10\.0\.0\.8, a private address/);
    const segment = await errorOf(caller.destinations.create({ workspaceId: workspace(), type: "segment", name: "Fwd", settings: { writeKey: "wk-1", baseUrl: "http://192.168.1.20:3000" } }));
    expect(segment.message).toMatch(/^Invalid settings for Segment: baseUrl: The URL resolves to 192\.168\.1\.20, a private address/);
    const created = await call(caller.destinations.create({ workspaceId: workspace(), type: "segment", name: "Fwd", settings: { writeKey: "wk-1", baseUrl: "https://93.184.216.34" } }));
    const update = await errorOf(caller.destinations.updateSettings({ workspaceId: workspace(), id: created.id, settings: { ...created.settings, baseUrl: "http://169.254.169.254" } }));
    expect(update.message).toMatch(/^Invalid settings for Segment: baseUrl: The URL resolves to 169\.254\.169\.254, a link-local address/);
  });

  it("refuses a host name that resolves to a private address (resolver given to the service)", async () => {
    const lookup = async () => [{ address: "10.9.8.7", family: 4 }];
    const service = new DestinationService(fx.db, ADA, { lookup });
    await expect(service.create(workspace(), { type: "webhook", name: "Sneaky", settings: { url: "https://innocent.example/hook" } })).rejects.toThrow(
      "Invalid settings for Webhook: url: The URL resolves to 10.9.8.7, a private address; an admin can allow this host in workspace settings",
    );
  });

  it("lets a host an admin allowed through, and keeps the allowance in the audit log", async () => {
    const hosts = await call(caller.workspaces.setAllowedPrivateHosts({ workspaceId: workspace(), hosts: [" 127.0.0.1 ", "Hooks.Internal:8443"] }));
    expect(hosts).toEqual(["127.0.0.1", "hooks.internal:8443"]);
    expect(await call(caller.workspaces.allowedPrivateHosts({ workspaceId: workspace() }))).toEqual(hosts);
    const created = await call(caller.destinations.create({ workspaceId: workspace(), type: "webhook", name: "Local", settings: { url: "http://127.0.0.1:9/hook" } }));
    expect(created.settings.url).toBe("http://127.0.0.1:9/hook");
    expect((await errorOf(caller.workspaces.setAllowedPrivateHosts({ workspaceId: workspace(), hosts: ["http://x/y"] }))).message).toBe(
      '"http://x/y" is not a host name, an IP address or host:port (leave out the scheme and path)',
    );
    const [entry] = (await call(caller.audit.list({ workspaceId: workspace(), action: "workspace.update", limit: 1 }))).entries;
    expect(entry).toMatchObject({ actorId: ADA.userId, actorLabel: ADA.label, targetType: "workspace", details: { allowedPrivateHosts: { from: [], to: hosts } } });
  });

  it("refuses at send time a host that was allowed when saved but no longer is", async () => {
    const api = await localApi();
    await call(caller.workspaces.setAllowedPrivateHosts({ workspaceId: workspace(), hosts: ["127.0.0.1"] }));
    const hook = await call(caller.destinations.create({ workspaceId: workspace(), type: "webhook", name: "Revoked", settings: { url: `${api.url}/hook` } }));
    await call(caller.destinations.connect({ workspaceId: workspace(), sourceId: fx.source.id, destinationId: hook.id }));
    await call(caller.workspaces.setAllowedPrivateHosts({ workspaceId: workspace(), hosts: [] }));
    await fx.send([{ type: "track", userId: "u1", event: "Signed Up", messageId: "revoked-1" }]);
    await fx.runner().runUntilIdle();
    expect(api.requests).toHaveLength(0);
    const [delivery] = await call(caller.destinations.deliveries({ workspaceId: workspace(), id: hook.id }));
    expect(delivery?.error).toBe("The URL resolves to 127.0.0.1, a loopback address; an admin can allow this host in workspace settings");
    await call(caller.destinations.disconnect({ workspaceId: workspace(), sourceId: fx.source.id, destinationId: hook.id }));
  });
});

describe("secrets after save", () => {
  beforeAll(async () => {
    await caller.workspaces.setAllowedPrivateHosts({ workspaceId: fx.workspaceId, hosts: ["127.0.0.1"] });
  });

  it("are stored encrypted, delivered in clear, and never in an API answer, the audit log or the delivery log", async () => {
    const mixpanelApi = await localApi();
    const hookApi = await localApi();
    const mixpanel = await call(caller.destinations.create({ workspaceId: fx.workspaceId, type: "mixpanel", name: "Analytics", settings: { projectToken: "proj-1", apiSecret: SECRETS.mixpanel, baseUrl: mixpanelApi.url } }));
    const hook = await call(caller.destinations.create({ workspaceId: fx.workspaceId, type: "webhook", name: "Signed hook", settings: { url: `${hookApi.url}/in`, sharedSecret: SECRETS.hook } }));
    expect(mixpanel.settings.apiSecret).toBe(SECRET_MASK);
    expect(hook.settings.sharedSecret).toBe(SECRET_MASK);
    const slack = await call(caller.destinations.create({ workspaceId: fx.workspaceId, type: "slack", name: "Alerts", settings: { webhookUrl: SECRETS.slack.replace("https://hooks.slack.com", hookApi.url) } }));
    expect(slack.settings.webhookUrl).toBe(SECRET_MASK);

    // Saving the mask back keeps the secret; the name of what changed is audited, not its value.
    const saved = await call(caller.destinations.updateSettings({ workspaceId: fx.workspaceId, id: mixpanel.id, settings: { ...mixpanel.settings, region: "EU" } }));
    expect(saved.settings).toEqual({ ...mixpanel.settings, region: "EU" });

    for (const destination of [mixpanel, hook, slack]) {
      await call(caller.destinations.connect({ workspaceId: fx.workspaceId, sourceId: fx.source.id, destinationId: destination.id }));
    }
    await fx.send([
      { type: "identify", userId: "u-secret", traits: { email: "s@example.com" }, messageId: "sec-1" },
      { type: "track", userId: "u-secret", event: "Order Completed", properties: { total: 5 }, messageId: "sec-2" },
    ]);
    await fx.runner().runUntilIdle();

    // The destinations got the secrets in clear...
    expect(mixpanelApi.requests.some((r) => r.headers.authorization === `Basic ${Buffer.from(`${SECRETS.mixpanel}:`).toString("base64")}`)).toBe(true);
    expect(hookApi.requests.some((r) => typeof r.headers["x-signature"] === "string")).toBe(true);
    expect(hookApi.requests.some((r) => r.pathname === "/services/T000/B000/slack-token-W4nV2c")).toBe(true);

    // ...and nothing the API answers, stores or logs contains them.
    for (const destination of [mixpanel, hook, slack]) {
      await call(caller.destinations.get({ workspaceId: fx.workspaceId, id: destination.id }));
      const deliveries = await call(caller.destinations.deliveries({ workspaceId: fx.workspaceId, id: destination.id }));
      expect(deliveries.length).toBeGreaterThan(0);
      await call(caller.destinations.deadLetters({ workspaceId: fx.workspaceId, id: destination.id }));
    }
    await call(caller.destinations.list({ workspaceId: fx.workspaceId }));
    await call(caller.audit.list({ workspaceId: fx.workspaceId, limit: 200 }));
    const rows = JSON.stringify([await fx.db.destination.findMany(), await fx.db.deliveryAttempt.findMany(), await fx.db.auditEntry.findMany()]);
    const everything = JSON.stringify(answers) + rows;
    for (const secret of [SECRETS.mixpanel, SECRETS.hook, "slack-token-W4nV2c"]) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(Buffer.from(`${secret}:`).toString("base64"));
    }
  });

  it("saved in clear before encryption still deliver, and are sealed on the next start", async () => {
    const api = await localApi();
    const definition = getDestinationDefinition("mixpanel");
    const legacy = await fx.db.destination.create({
      data: { workspaceId: fx.workspaceId, type: "mixpanel", name: "Old", settings: JSON.stringify({ projectToken: "p", apiSecret: "legacy-clear-secret", baseUrl: api.url }), cursor: { create: { position: 0 } } },
    });
    await fx.db.action.create({ data: { destinationId: legacy.id, key: "trackEvent", name: "Track", trigger: 'type = "track"', mapping: '{ "event": event, "properties": { "distinct_id": userId, "time": 1, "$insert_id": messageId } }' } });
    await fx.db.connection.create({ data: { sourceId: fx.source.id, destinationId: legacy.id } });
    await fx.send([{ type: "track", userId: "u-old", event: "Old", messageId: "legacy-1" }]);
    await fx.runner().runUntilIdle();
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from("legacy-clear-secret:").toString("base64")}`);

    expect(await sealStoredSecrets(fx.db, secretKey())).toBe(1);
    const stored = (await fx.db.destination.findUniqueOrThrow({ where: { id: legacy.id } })).settings;
    expect(stored).not.toContain("legacy-clear-secret");
    expect(JSON.parse(stored).apiSecret).toMatch(/^enc:v1:/);
    expect(sealSecrets(definition, JSON.parse(stored) as Record<string, unknown>, secretKey())).toEqual(JSON.parse(stored));
    expect(await sealStoredSecrets(fx.db, secretKey())).toBe(0);
    await fx.db.connection.deleteMany({ where: { destinationId: legacy.id } });
  });

  it("sealed with another key pause the destination, saying why", async () => {
    const api = await localApi();
    const definition = getDestinationDefinition("mixpanel");
    const foreign = sealSecrets(definition, { projectToken: "p", apiSecret: "other-key-secret", baseUrl: api.url }, randomBytes(32));
    const row = await fx.db.destination.create({ data: { workspaceId: fx.workspaceId, type: "mixpanel", name: "Foreign", settings: JSON.stringify(foreign), cursor: { create: { position: 0 } } } });
    await fx.db.connection.create({ data: { sourceId: fx.source.id, destinationId: row.id } });
    await fx.send([{ type: "track", userId: "u-f", event: "F", messageId: "foreign-1" }]);
    await fx.runner().runUntilIdle();
    const after = await fx.db.destination.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.health).toBe("paused");
    expect(after.healthReason).toMatch(/^A stored secret could not be decrypted: the secret key \(SWITCHYARD_SECRET_KEY or the key file\) is not the one it was saved with/);
    expect(api.requests).toHaveLength(0);
    await fx.db.connection.deleteMany({ where: { destinationId: row.id } });
  });
});
