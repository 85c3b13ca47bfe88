import { describe, expect, it } from "vitest";
import { regionalBaseUrl, resolveBaseUrl } from "../base-url";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { runAction } from "../testing/run-action";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { segment } from "./index";

const api = useLocalApi({ status: 200, body: { success: true } });

const SETTINGS = { writeKey: "wk_9d8c7b6a5f4e3d2c1b0a" };
const run = (events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: segment, action: "forwardEvent", settings, events, api });

const withoutReceivedAt = (event: Record<string, unknown>) => {
  const { receivedAt: _receivedAt, ...rest } = event;
  return rest;
};

describe("Segment-compatible forwarder · regions", () => {
  it.each([
    ["US", "https://api.segment.io"],
    ["EU", "https://events.eu1.segmentapis.com"],
  ])("%s sends to %s, unless the base URL is overridden (another Switchyard)", async (region, url) => {
    expect(regionalBaseUrl(segment, region)).toBe(url);
    expect(resolveBaseUrl(segment, { region })).toBe(url);
    await run([sampleEvent("track")], { ...SETTINGS, region });
    expect(api.requests[0]?.path).toBe("/v1/batch");
  });
});

describe("Segment-compatible forwarder · Forward Event", () => {
  it("POSTs {batch: [event]} to /v1/batch with Basic writeKey:, the event as it is but receivedAt", async () => {
    const event = sampleEvent("identify");
    const result = await run([event]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/batch");
    expect(request?.headers["authorization"]).toBe(`Basic ${Buffer.from(`${SETTINGS.writeKey}:`).toString("base64")}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual({ batch: [withoutReceivedAt(event)] });
  });

  it("forwards every call type in one batch, in order", async () => {
    const events = (["identify", "track", "page", "screen", "group", "alias"] as const).map(sampleEvent);
    const result = await run(events);
    expect(result.outcomes).toHaveLength(6);
    expect(api.requests).toHaveLength(1);
    expect((api.requests[0]?.body as { batch: unknown[] }).batch).toEqual(events.map(withoutReceivedAt));
  });

  it("keeps batches under 500 KB", async () => {
    const big = { ...sampleEvent("track"), properties: { notes: "x".repeat(30_000) } };
    const events = Array.from({ length: 40 }, (_, i) => ({ ...big, messageId: `m-${i}` }));
    await run(events);
    expect(api.requests.length).toBeGreaterThan(1);
    for (const request of api.requests) expect(Buffer.byteLength(request.rawBody)).toBeLessThan(500 * 1024);
  });

  it("reads another Switchyard's answer to a mixed batch per event", async () => {
    api.reply({
      status: 400,
      body: { success: false, accepted: 2, duplicates: 0, error: "1 event was rejected", details: [{ index: 1, field: "event", message: "is required for track calls" }] },
    });
    const events = [sampleEvent("track"), { ...sampleEvent("track"), messageId: "m-2" }, sampleEvent("page")];
    const result = await run(events);
    expect(result.outcomes[0]).toEqual({ status: "delivered" });
    expect(errorOf(result.outcomes[1])).toMatchObject({ code: "REJECTED", retryable: false, message: "The receiving API rejected the event: event is required for track calls" });
    expect(result.outcomes[2]).toEqual({ status: "delivered" });
  });

  it("masks the write key in the recorded attempt", async () => {
    const result = await run([sampleEvent("track")]);
    expect(result.attempts[0]?.request.headers["Authorization"]).toBe("Basic ••••");
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run([sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});
