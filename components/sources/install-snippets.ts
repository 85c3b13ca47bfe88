/**
 * Install instructions for a source, one per language, pointing the SDKs at this Switchyard.
 * Pure and client-safe: the source page and the server render the same text.
 */

export type InstallLanguage = "javascript" | "node" | "python" | "go" | "curl";

export type InstallSnippet = { language: InstallLanguage; label: string; code: string };

export type InstallSnippetInput = {
  /** Where this Switchyard is reached from outside, e.g. "https://cdp.example.com" (no trailing slash needed). */
  baseUrl: string;
  writeKey: string;
  /** The browser global the JavaScript snippet defines; default "analytics". */
  globalName?: string | null;
};

export const DEFAULT_GLOBAL_NAME = "analytics";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Reserved words and browser globals a snippet must never replace. */
const FORBIDDEN_NAMES = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
  "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return",
  "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
  "yield", "await", "async", "arguments", "eval", "undefined", "NaN", "Infinity",
  "window", "self", "top", "parent", "frames", "globalThis", "document", "location", "navigator", "history",
  "name", "origin", "opener", "length", "status", "closed", "console", "fetch", "localStorage",
  "sessionStorage", "Object", "Array", "Function", "String", "Number", "Boolean", "Symbol", "Promise",
  "JSON", "Math", "Date", "Error", "RegExp", "Map", "Set", "Proxy", "Reflect",
]);

/** Why a global name cannot be used, or null when it can. */
export function globalNameProblem(name: string): string | null {
  if (name.length === 0) return "The global name cannot be empty";
  if (name.length > 64) return "The global name has at most 64 characters";
  if (!IDENTIFIER.test(name)) return "The global name must be a JavaScript identifier: letters, digits, _ or $, not starting with a digit";
  if (FORBIDDEN_NAMES.has(name)) return `"${name}" is a reserved word or a browser global; choose another name`;
  return null;
}

/** A JS string literal safe inside an HTML <script> element. */
function jsString(value: string): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}

/** Methods the loader queues until the SDK has loaded; the SDK replays them in order. */
const QUEUED_METHODS = [
  "page", "identify", "track", "group", "alias", "screen", "reset", "ready", "on", "once", "off",
  "trackSubmit", "trackClick", "trackLink", "trackForm", "pageview", "debug", "setAnonymousId",
  "addSourceMiddleware", "addIntegrationMiddleware", "addDestinationMiddleware", "register", "deregister",
];

/**
 * The browser loader: defines `window[globalName]` as a queue of calls, loads the SDK from this
 * Switchyard (which also serves its settings and lazily loaded parts), and records a page view.
 */
export function javascriptSnippet(input: InstallSnippetInput): string {
  const base = trimBase(input.baseUrl);
  const globalName = input.globalName || DEFAULT_GLOBAL_NAME;
  const problem = globalNameProblem(globalName);
  if (problem) throw new Error(problem);
  const lines: string[] = [];
  for (let start = 0; start < QUEUED_METHODS.length; start += 6) {
    lines.push(QUEUED_METHODS.slice(start, start + 6).map((m) => `"${m}"`).join(", "));
  }
  const methods = lines.join(",\n      ");
  return `<script>
  !function () {
    var name = ${jsString(globalName)}, host = ${jsString(base)};
    var analytics = (window[name] = window[name] || []);
    if (analytics.initialize || analytics.invoked) return;
    analytics.invoked = true;
    analytics._cdn = host;
    var methods = [
      ${methods}
    ];
    methods.forEach(function (method) {
      analytics[method] = function () {
        var call = Array.prototype.slice.call(arguments);
        call.unshift(method);
        analytics.push(call);
        return analytics;
      };
    });
    analytics.load = function (writeKey, options) {
      var script = document.createElement("script");
      script.async = true;
      script.setAttribute("data-global-customerio-analytics-key", name);
      script.src = host + "/v1/analytics-js/snippet/" + encodeURIComponent(writeKey) + "/analytics.min.js";
      (document.head || document.documentElement).appendChild(script);
      analytics._writeKey = writeKey;
      analytics._loadOptions = options;
    };
    analytics.load(${jsString(input.writeKey)});
    analytics.page();
  }();
</script>`;
}

function nodeSnippet(base: string, writeKey: string): string {
  return `// npm install @customerio/cdp-analytics-node   (or @segment/analytics-node, same options)
import { Analytics } from "@customerio/cdp-analytics-node";

const analytics = new Analytics({
  writeKey: ${jsString(writeKey)},
  host: ${jsString(base)},
});

analytics.identify({ userId: "user-123", traits: { email: "ada@example.com" } });
analytics.track({ userId: "user-123", event: "Order Completed", properties: { total: 42 } });

// Before the process exits:
await analytics.closeAndFlush();`;
}

function pythonString(value: string): string {
  return JSON.stringify(value);
}

function pythonSnippet(base: string, writeKey: string): string {
  return `# pip install customerio-cdp-analytics   (Segment's library: import segment.analytics as analytics)
from customerio import analytics

analytics.write_key = ${pythonString(writeKey)}
analytics.host = ${pythonString(base)}

analytics.identify("user-123", {"email": "ada@example.com"})
analytics.track("user-123", "Order Completed", {"total": 42})

# Before the process exits:
analytics.flush()`;
}

function goSnippet(base: string, writeKey: string): string {
  return `// go get github.com/customerio/cdp-analytics-go   (or github.com/segmentio/analytics-go/v3)
package main

import analytics "github.com/customerio/cdp-analytics-go"

func main() {
	client, err := analytics.NewWithConfig(${JSON.stringify(writeKey)}, analytics.Config{
		Endpoint: ${JSON.stringify(base)},
	})
	if err != nil {
		panic(err)
	}
	defer client.Close()

	client.Enqueue(analytics.Identify{UserId: "user-123", Traits: analytics.NewTraits().Set("email", "ada@example.com")})
	client.Enqueue(analytics.Track{UserId: "user-123", Event: "Order Completed", Properties: analytics.NewProperties().Set("total", 42)})
}`;
}

/** A single-quoted shell word. */
function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function curlSnippet(base: string, writeKey: string): string {
  return `curl ${shellWord(`${base}/v1/track`)} \\
  -u ${shellWord(`${writeKey}:`)} \\
  -H 'Content-Type: application/json' \\
  -d '{"userId": "user-123", "event": "Order Completed", "properties": {"total": 42}}'`;
}

/** Every way to send to a source, JavaScript first. Throws when `globalName` is not a usable identifier. */
export function installSnippets(input: InstallSnippetInput): InstallSnippet[] {
  const base = trimBase(input.baseUrl);
  return [
    { language: "javascript", label: "JavaScript (website)", code: javascriptSnippet(input) },
    { language: "node", label: "Node.js", code: nodeSnippet(base, input.writeKey) },
    { language: "python", label: "Python", code: pythonSnippet(base, input.writeKey) },
    { language: "go", label: "Go", code: goSnippet(base, input.writeKey) },
    { language: "curl", label: "curl", code: curlSnippet(base, input.writeKey) },
  ];
}
