import type { APIRequestContext, APIResponse, Page } from "@playwright/test";

/*
 * tRPC over HTTP with Playwright's request context, which carries the signed-in session of
 * the test's browser context (the `request` fixture, or `page.request`).
 */

async function resultOf<T>(path: string, response: APIResponse): Promise<T> {
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

export async function trpcQuery<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return resultOf<T>(path, await request.get(`/api/trpc/${path}${query}`));
}

export async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  return resultOf<T>(path, await request.post(`/api/trpc/${path}`, { data: input }));
}

export async function workspaceId(request: APIRequestContext): Promise<string> {
  const [workspace] = await trpcQuery<Array<{ id: string }>>(request, "workspaces.list");
  if (!workspace) throw new Error("no workspace");
  return workspace.id;
}

export type CreatedSource = { id: string; name: string; writeKey: string };

export async function createSource(request: APIRequestContext, workspace: string, name: string, kind = "node"): Promise<CreatedSource> {
  return trpcMutation<CreatedSource>(request, "sources.create", { workspaceId: workspace, name, kind });
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
