import type { ParsedArgs } from "./args";

/** A Switchyard server reached over HTTP with an API token (`--url`/`--token` or SWITCHYARD_URL/SWITCHYARD_TOKEN). */
export type RemoteTarget = { url: string; token: string };

/** A failure the server answered with: its tRPC code (UNAUTHORIZED, FORBIDDEN, NOT_FOUND...) and message. */
export class RemoteError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = "RemoteError";
  }
}

export function remoteTargetOf(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): RemoteTarget | null {
  const url = (typeof args.values.url === "string" ? args.values.url : env.SWITCHYARD_URL) || "";
  const token = (typeof args.values.token === "string" ? args.values.token : env.SWITCHYARD_TOKEN) || "";
  if (!url && !token) return null;
  if (!url) throw new RemoteError("USAGE", "A token needs a server: set SWITCHYARD_URL (or --url)");
  if (!token) throw new RemoteError("USAGE", "Talking to a server needs an API token: set SWITCHYARD_TOKEN (or --token); make one on the workspace's API tokens page");
  return { url: url.replace(/\/+$/, ""), token };
}

type TrpcResponse = { result?: { data: unknown }; error?: { message: string; data?: { code?: string } } };

/** Calls the server's tRPC procedures as the token's user (queries as GET, mutations as POST). */
export class RemoteClient {
  constructor(private readonly target: RemoteTarget) {}

  query<T>(path: string, input?: unknown): Promise<T> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.send<T>(`${path}${search}`, { method: "GET" });
  }

  mutation<T>(path: string, input: unknown): Promise<T> {
    return this.send<T>(path, { method: "POST", body: JSON.stringify(input), headers: { "Content-Type": "application/json" } });
  }

  private async send<T>(pathAndQuery: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.target.url}/api/trpc/${pathAndQuery}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${this.target.token}`, Accept: "application/json" },
        redirect: "manual",
      });
    } catch (error) {
      throw new RemoteError("UNREACHABLE", `Cannot reach ${this.target.url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
    }
    const body = (await response.json().catch(() => null)) as TrpcResponse | null;
    if (!body) throw new RemoteError("BAD_RESPONSE", `${this.target.url} answered ${response.status} without a Switchyard API response; is SWITCHYARD_URL right?`);
    if (body.error) {
      const code = body.error.data?.code ?? "ERROR";
      const hint = code === "UNAUTHORIZED" ? " (the token is unknown or revoked)" : "";
      throw new RemoteError(code, `${body.error.message}${hint}`);
    }
    return body.result?.data as T;
  }
}

/** What a command gets when it runs against a server: the client and the token's workspace. */
export type RemoteContext = { client: RemoteClient; workspaceId: string };

export async function openRemoteContext(target: RemoteTarget, workspace: string | undefined): Promise<RemoteContext> {
  const client = new RemoteClient(target);
  if (workspace) return { client, workspaceId: workspace };
  const [first] = await client.query<Array<{ id: string }>>("workspaces.list");
  if (!first) throw new RemoteError("NOT_FOUND", "The token's user is no longer a member of its workspace");
  return { client, workspaceId: first.id };
}
