import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AttemptDetails } from "@/components/destinations/AttemptDetails";
import type { Attempt } from "@/components/destinations/destination-types";
import { JsonText } from "./JsonText";

const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";

/** No element the data could have brought in: markup in it must arrive as escaped text. */
function expectNoInjectedMarkup(html: string) {
  expect(html).not.toContain("<script");
  expect(html).not.toContain("<img");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
}

describe("event data with markup in it", () => {
  it("is text in an event's JSON", () => {
    expectNoInjectedMarkup(renderToStaticMarkup(<JsonText value={{ properties: { html: SCRIPT, img: IMG } }} label="Event as JSON" />));
  });

  it("is text in a delivery attempt's events, request, response and error", () => {
    const attempt: Attempt = {
      id: "a1",
      actionId: "act",
      actionName: `Send ${IMG}`,
      status: "failed",
      eventCount: 1,
      eventPositions: [7],
      events: [{ position: 7, sourceId: "s", messageId: SCRIPT, type: "track", event: IMG, userId: SCRIPT, anonymousId: null, receivedAt: new Date(0).toISOString() }],
      request: { method: "POST", url: "https://example.com/hook", headers: { "X-Note": IMG }, body: JSON.stringify({ html: SCRIPT }) },
      responseStatus: 400,
      responseBody: JSON.stringify({ error: IMG }),
      durationMs: 12,
      error: `Rejected: ${SCRIPT}`,
      createdAt: new Date(0).toISOString(),
    };
    expectNoInjectedMarkup(renderToStaticMarkup(<AttemptDetails attempt={attempt} onTrace={() => undefined} />));
  });
});
