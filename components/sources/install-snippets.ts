export type InstallSnippet = { language: string; label: string; code: string };

type SnippetInput = {
  /** The public URL of this Switchyard server, e.g. https://cdp.example.com (no trailing slash). */
  baseUrl: string;
  writeKey: string;
  /** The browser global the JavaScript snippet defines (analytics by default). */
  globalName?: string;
};

const str = (value: string) => JSON.stringify(value);

/** How to send a first event to this source from each kind of client, with the URL and key filled in. */
export function installSnippets({ baseUrl, writeKey, globalName = "analytics" }: SnippetInput): InstallSnippet[] {
  const base = baseUrl.replace(/\/+$/, "");
  return [
    {
      language: "javascript",
      label: "JavaScript",
      code: `<script>
  window.${globalName} = {
    track(event, properties) {
      return fetch(${str(`${base}/v1/track`)}, {
        method: "POST",
        keepalive: true,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          writeKey: ${str(writeKey)},
          anonymousId: localStorage.anonymousId ??= crypto.randomUUID(),
          event,
          properties,
        }),
      });
    },
  };
  ${globalName}.track("Page Viewed", { path: location.pathname });
</script>`,
    },
    {
      language: "node",
      label: "Node.js",
      code: `// npm install @segment/analytics-node
import { Analytics } from "@segment/analytics-node";

const analytics = new Analytics({
  writeKey: ${str(writeKey)},
  host: ${str(base)},
  path: "/v1/batch",
});

analytics.track({ userId: "user-1", event: "Signed Up", properties: { plan: "pro" } });
await analytics.closeAndFlush();`,
    },
    {
      language: "python",
      label: "Python",
      code: `# pip install segment-analytics-python
import segment.analytics as analytics

analytics.write_key = ${str(writeKey)}
analytics.host = ${str(base)}

analytics.track("user-1", "Signed Up", {"plan": "pro"})
analytics.flush()`,
    },
    {
      language: "go",
      label: "Go",
      code: `// go get github.com/segmentio/analytics-go/v3
package main

import "github.com/segmentio/analytics-go/v3"

func main() {
	client, err := analytics.NewWithConfig(${str(writeKey)}, analytics.Config{Endpoint: ${str(base)}})
	if err != nil {
		panic(err)
	}
	defer client.Close()

	client.Enqueue(analytics.Track{
		UserId:     "user-1",
		Event:      "Signed Up",
		Properties: analytics.NewProperties().Set("plan", "pro"),
	})
}`,
    },
    {
      language: "curl",
      label: "curl",
      code: `curl ${base}/v1/track \\
  -u '${writeKey}:' \\
  -H 'Content-Type: application/json' \\
  -d '{"userId": "user-1", "event": "Signed Up", "properties": {"plan": "pro"}}'`,
    },
  ];
}
