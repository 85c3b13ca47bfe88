import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { globalNameProblem, installSnippets, javascriptSnippet } from "./install-snippets";

type FakeScript = { async?: boolean; src?: string; attributes: Record<string, string>; setAttribute(name: string, value: string): void };

/** Runs the loader as a browser would, with just the DOM it touches. */
function runLoader(code: string, window: Record<string, unknown> = {}) {
  const appended: FakeScript[] = [];
  const document = {
    createElement: () => {
      const script: FakeScript = { attributes: {}, setAttribute: (name, value) => void (script.attributes[name] = value) };
      return script;
    },
    head: { appendChild: (node: FakeScript) => appended.push(node) },
  };
  const body = code.replace(/^<script>/, "").replace(/<\/script>$/, "");
  runInNewContext(body, { window, document, encodeURIComponent });
  return { window, appended };
}

describe("install snippets", () => {
  it("loads the SDK from this server under the chosen global name and queues a page call", () => {
    const code = javascriptSnippet({ baseUrl: "https://cdp.example.com/", writeKey: "wk_1", globalName: "cio" });
    const { window, appended } = runLoader(code);
    expect(appended).toHaveLength(1);
    expect(appended[0]!.src).toBe("https://cdp.example.com/v1/analytics-js/snippet/wk_1/analytics.min.js");
    expect(appended[0]!.attributes["data-global-customerio-analytics-key"]).toBe("cio");
    const queue = window.cio as unknown[] & { _cdn: string; _writeKey: string; track(...args: unknown[]): unknown };
    expect(queue._cdn).toBe("https://cdp.example.com");
    expect(queue._writeKey).toBe("wk_1");
    queue.track("Clicked", { a: 1 });
    expect(Array.from(queue)).toEqual([["page"], ["track", "Clicked", { a: 1 }]]);
    expect(window.analytics).toBeUndefined();
  });

  it("defaults the global name to analytics and loads only once", () => {
    const code = javascriptSnippet({ baseUrl: "http://localhost:3000", writeKey: "k" });
    const first = runLoader(code);
    expect(first.window.analytics).toBeDefined();
    expect(first.appended).toHaveLength(1);
    const again = runLoader(code, first.window);
    expect(again.appended).toHaveLength(0);
    expect(Array.from(first.window.analytics as unknown[])).toEqual([["page"]]);
  });

  it("cannot be broken out of by a hostile write key or base URL", () => {
    const code = javascriptSnippet({ baseUrl: "http://x</script><script>alert(1)//", writeKey: `"</script>` });
    expect(code.match(/<\/script>/g)).toHaveLength(1);
    expect(() => runLoader(code)).not.toThrow();
  });

  it.each([
    ["analytics", null],
    ["cioanalytics", null],
    ["$_a1", null],
    ["", /empty/],
    ["1abc", /identifier/],
    ["my-analytics", /identifier/],
    ["a b", /identifier/],
    ["window", /reserved word or a browser global/],
    ["class", /reserved word/],
    ["document", /browser global/],
    ["x".repeat(65), /64 characters/],
  ])("global name %j", (name, problem) => {
    const found = globalNameProblem(name);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it("refuses to build a loader with an invalid global name", () => {
    expect(() => installSnippets({ baseUrl: "http://h", writeKey: "k", globalName: "a-b" })).toThrow(/identifier/);
  });

  it("points every server SDK at this server", () => {
    const snippets = installSnippets({ baseUrl: "https://cdp.example.com", writeKey: "wk'1" });
    expect(snippets.map((s) => s.language)).toEqual(["javascript", "node", "python", "go", "curl"]);
    const code = Object.fromEntries(snippets.map((s) => [s.language, s.code]));
    expect(code.node).toContain(`host: "https://cdp.example.com"`);
    expect(code.python).toContain(`analytics.host = "https://cdp.example.com"`);
    expect(code.go).toContain(`Endpoint: "https://cdp.example.com"`);
    expect(code.curl).toContain(`'https://cdp.example.com/v1/track'`);
    expect(code.curl).toContain(`-u 'wk'\\''1:'`);
  });
});
