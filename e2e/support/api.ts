import type { Page } from "@playwright/test";

/** Calls a tRPC query of the app under test over HTTP, as the browser does. */
export async function trpcQuery<T>(baseURL: string, path: string, input?: unknown): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${baseURL}/api/trpc/${path}${query}`);
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

export async function trpcMutation<T>(baseURL: string, path: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseURL}/api/trpc/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

export async function workspaceId(baseURL: string): Promise<string> {
  const [workspace] = await trpcQuery<Array<{ id: string }>>(baseURL, "workspaces.list");
  if (!workspace) throw new Error("no workspace");
  return workspace.id;
}

export type CreatedSource = { id: string; name: string; writeKey: string };

export async function createSource(baseURL: string, workspace: string, name: string, kind = "node"): Promise<CreatedSource> {
  return trpcMutation<CreatedSource>(baseURL, "sources.create", { workspaceId: workspace, name, kind });
}

/** Sends one event to the ingest API with the source's write key; resolves once it is stored. */
export async function sendEvent(baseURL: string, writeKey: string, call: string, event: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${baseURL}/v1/${call}`, {
    method: "POST",
    headers: { Authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`, "Content-Type": "application/json" },
    body: JSON.stringify(event),
  });
  if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
}

/** Console errors, uncaught exceptions and any dialog (an injected alert among them) fail a test. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("dialog", (dialog) => {
    errors.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return errors;
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export const HOSTILE = { script: "<script>alert(1)</script>", img: "<img src=x onerror=alert(1)>" };
