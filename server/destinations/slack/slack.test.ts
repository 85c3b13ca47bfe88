import { describe, expect, it } from "vitest";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { runAction } from "../testing/run-action";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { slack } from "./index";

const api = useLocalApi();

const WEBHOOK_PATH = "/services/T024BE7LD/B08F3K2N9QX/Xk3nJ9q2LmP0aZr7VbT4wYc1";
const post = (events: unknown[], extra: Record<string, unknown> = {}) =>
  runAction({ destination: slack, action: "postMessage", settings: { webhookUrl: `${api.url}${WEBHOOK_PATH}`, ...extra }, events, api });

describe("Slack · Post Message", () => {
  it("POSTs {text} as JSON to the incoming-webhook URL for a track event", async () => {
    const run = await post([sampleEvent("track")]);
    expect(run.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(WEBHOOK_PATH);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["authorization"]).toBeUndefined();
    expect(request?.body).toEqual({ text: "*Ada Lovelace (user-8271)* did *Signed Up*" });
  });

  it("adds the channel, bot name and icon from the settings", async () => {
    await post([sampleEvent("track")], { channel: "#signups", username: "Switchyard", iconUrl: "https://example.com/bot.png" });
    expect(api.requests[0]?.body).toEqual({
      channel: "#signups",
      username: "Switchyard",
      icon_url: "https://example.com/bot.png",
      text: "*Ada Lovelace (user-8271)* did *Signed Up*",
    });
  });

  it("names an anonymous visitor by anonymousId", async () => {
    const event = { ...sampleEvent("track"), userId: undefined, context: {} };
    await post([event]);
    expect(api.requests[0]?.body).toEqual({ text: "*0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c* did *Signed Up*" });
  });

  it("escapes & < > in event data, so an event cannot mention @channel or forge a link", async () => {
    const event = { ...sampleEvent("track"), event: "<!channel> Bought <https://evil.example|this> & that" };
    await post([event]);
    expect(api.requests[0]?.body).toEqual({
      text: "*Ada Lovelace (user-8271)* did *&lt;!channel&gt; Bought &lt;https://evil.example|this&gt; &amp; that*",
    });
  });

  it("only takes track events by default", async () => {
    const run = await post([sampleEvent("identify"), sampleEvent("page"), sampleEvent("track")]);
    expect(run.skipped.map((skip) => skip.reason)).toEqual(["trigger", "trigger"]);
    expect(api.requests).toHaveLength(1);
  });

  it("honours integrations: {Slack: false} skips the event", async () => {
    const run = await post([sampleEvent("order-completed")]);
    expect(run.skipped).toEqual([{ index: 0, reason: "integrations" }]);
    expect(api.requests).toHaveLength(0);
  });

  it("never records the webhook URL's token", async () => {
    const run = await post([sampleEvent("track")]);
    expect(run.attempts[0]?.request.url).toBe(`${api.url}/••••wYc1`);
    expect(JSON.stringify(run.attempts)).not.toContain("Xk3nJ9q2LmP0aZr7VbT4wYc1");
  });

  it("reports Slack's own error words, e.g. a revoked webhook", async () => {
    api.reply({ status: 404, body: "no_service" });
    const run = await post([sampleEvent("track")]);
    expect(errorOf(run.outcomes[0])).toMatchObject({ code: "REJECTED", retryable: false, message: "The destination rejected the request (HTTP 404): no_service" });
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const run = await post([sampleEvent("track")]);
    expect(errorOf(run.outcomes[0])).toMatchObject(expected);
  });
});
