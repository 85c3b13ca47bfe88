/**
 * Every tRPC procedure with the level it needs, and for each the input of one call that
 * succeeds for a caller who is allowed. authorization-matrix.test.ts calls each procedure as
 * every kind of caller and checks the outcome against LEVEL_OUTCOMES; a procedure missing
 * here fails that test. Adding a procedure: add its line, with the level of the procedure
 * builder it uses (publicProcedure, signedInProcedure, sessionProcedure, viewerProcedure,
 * editorProcedure, adminProcedure).
 */

export type Level = "public" | "signedIn" | "session" | "viewer" | "editor" | "admin";

/** Who calls, in the matrix. Tokens are API tokens; "outsider" is an admin of another workspace. */
export const CALLERS = ["anonymous", "viewer", "editor", "admin", "outsider", "editorToken", "outsiderToken"] as const;
export type Caller = (typeof CALLERS)[number];

export type Outcome = "allowed" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

const A = "allowed";
const U = "UNAUTHORIZED";
const F = "FORBIDDEN";
const N = "NOT_FOUND";

/** The table of roles: the outcome of a call per level (rows) and caller (columns, in CALLERS order). */
export const LEVEL_OUTCOMES: Record<Level, Record<Caller, Outcome>> = {
  //         anonymous     viewer     editor     admin     outsider     editorToken     outsiderToken
  public: { anonymous: A, viewer: A, editor: A, admin: A, outsider: A, editorToken: A, outsiderToken: A },
  signedIn: { anonymous: U, viewer: A, editor: A, admin: A, outsider: A, editorToken: A, outsiderToken: A },
  session: { anonymous: U, viewer: A, editor: A, admin: A, outsider: A, editorToken: F, outsiderToken: F },
  viewer: { anonymous: U, viewer: A, editor: A, admin: A, outsider: N, editorToken: A, outsiderToken: N },
  editor: { anonymous: U, viewer: F, editor: A, admin: A, outsider: N, editorToken: A, outsiderToken: N },
  admin: { anonymous: U, viewer: F, editor: F, admin: A, outsider: N, editorToken: F, outsiderToken: N },
};

/** Makes what one call needs, fresh for every call (a call may delete what it is given). */
export type MatrixFixture = {
  /** The workspace the callers are members (or not) of. */
  workspaceId: string;
  /** The caller's user id (null for anonymous). */
  callerUserId: string | null;
  source(): Promise<string>;
  /** A Mixpanel destination whose API secret is MATRIX_SECRET. */
  destination(): Promise<{ id: string; actionId: string }>;
  /** A new member with this role; returns the user id. */
  member(role: "viewer" | "editor" | "admin"): Promise<string>;
  invitation(): Promise<{ id: string; token: string }>;
  /** A token of this user in the workspace; returns its id. */
  apiToken(userId: string): Promise<string>;
};

/** A destination secret set by the fixture: no response to any caller may contain it. */
export const MATRIX_SECRET = "matrix-secret-value-0123456789";

export type MatrixEntry = { level: Level; input?: (f: MatrixFixture) => unknown };

const ws = (f: MatrixFixture) => ({ workspaceId: f.workspaceId });

export const AUTHORIZATION_MATRIX: Record<string, MatrixEntry> = {
  "auth.status": { level: "public" },

  "workspaces.list": { level: "signedIn" },
  "workspaces.get": { level: "viewer", input: ws },
  "workspaces.create": { level: "session", input: () => ({ name: "Another workspace" }) },
  "workspaces.allowedPrivateHosts": { level: "admin", input: ws },
  "workspaces.setAllowedPrivateHosts": { level: "admin", input: (f) => ({ ...ws(f), hosts: ["hooks.internal"] }) },

  "audit.list": { level: "admin", input: ws },

  "sources.list": { level: "viewer", input: ws },
  "sources.get": { level: "viewer", input: async (f) => ({ ...ws(f), id: await f.source() }) },
  "sources.create": { level: "editor", input: (f) => ({ ...ws(f), name: "Website" }) },
  "sources.rename": { level: "editor", input: async (f) => ({ ...ws(f), id: await f.source(), name: "Renamed" }) },
  "sources.setEnabled": { level: "editor", input: async (f) => ({ ...ws(f), id: await f.source(), enabled: false }) },
  "sources.updateSettings": { level: "editor", input: async (f) => ({ ...ws(f), id: await f.source(), globalName: "cioanalytics", allowedOrigins: ["https://shop.example.com"] }) },
  "sources.publicUrl": { level: "viewer", input: ws },
  "sources.rotateWriteKey": { level: "editor", input: async (f) => ({ ...ws(f), id: await f.source() }) },
  "sources.delete": { level: "editor", input: async (f) => ({ ...ws(f), id: await f.source() }) },

  "canvas.graph": { level: "viewer", input: async (f) => (await f.destination(), ws(f)) },
  "canvas.savePosition": { level: "editor", input: async (f) => ({ ...ws(f), nodeType: "source", nodeId: await f.source(), x: 10, y: 20 }) },
  "destinations.catalog": { level: "public" },
  "destinations.list": { level: "viewer", input: async (f) => (await f.destination(), ws(f)) },
  "destinations.get": { level: "viewer", input: async (f) => ({ ...ws(f), id: (await f.destination()).id }) },
  "destinations.create": {
    level: "editor",
    input: (f) => ({ ...ws(f), type: "webhook", name: "Hook", settings: { url: "https://example.com/hook" } }),
  },
  "destinations.updateSettings": {
    level: "editor",
    input: async (f) => ({ ...ws(f), id: (await f.destination()).id, settings: { projectToken: "token-1234567890", apiSecret: "another-secret-abcdef", region: "EU" } }),
  },
  "destinations.testConnection": {
    level: "editor",
    // Refused before any request leaves: the address is loopback and the workspace does not allow it.
    input: (f) => ({ ...ws(f), type: "customerio", settings: { siteId: "site", apiKey: "key", baseUrl: "http://127.0.0.1:9" } }),
  },
  "destinations.resume": { level: "editor", input: async (f) => ({ ...ws(f), id: (await f.destination()).id }) },
  "destinations.connect": { level: "editor", input: async (f) => ({ ...ws(f), sourceId: await f.source(), destinationId: (await f.destination()).id }) },
  "destinations.disconnect": { level: "editor", input: async (f) => ({ ...ws(f), sourceId: await f.source(), destinationId: (await f.destination()).id }) },
  "destinations.updateAction": { level: "editor", input: async (f) => ({ ...ws(f), actionId: (await f.destination()).actionId, enabled: false }) },
  "destinations.deliveries": { level: "viewer", input: async (f) => ({ ...ws(f), id: (await f.destination()).id }) },
  "destinations.deadLetters": { level: "viewer", input: async (f) => ({ ...ws(f), id: (await f.destination()).id }) },
  "destinations.redriveDeadLetters": { level: "editor", input: async (f) => ({ ...ws(f), id: (await f.destination()).id }) },

  "deliveries.log": { level: "viewer", input: async (f) => ({ ...ws(f), destinationId: (await f.destination()).id }) },
  "deliveries.trace": { level: "viewer", input: (f) => ({ ...ws(f), messageId: "no-such-message" }) },
  "deliveries.perMinute": { level: "viewer", input: async (f) => ({ ...ws(f), destinationId: (await f.destination()).id }) },
  "deliveries.healthHistory": { level: "viewer", input: async (f) => ({ ...ws(f), destinationId: (await f.destination()).id }) },

  "events.live": { level: "viewer", input: async (f) => ({ ...ws(f), sourceId: await f.source() }) },

  "actions.get": { level: "viewer", input: async (f) => ({ ...ws(f), actionId: (await f.destination()).actionId }) },
  "actions.history": { level: "viewer", input: async (f) => ({ ...ws(f), actionId: (await f.destination()).actionId }) },
  "actions.versions": { level: "viewer", input: async (f) => ({ ...ws(f), actionId: (await f.destination()).actionId, left: 1, right: 1 }) },
  "actions.actionTypes": { level: "viewer", input: async (f) => ({ ...ws(f), destinationId: (await f.destination()).id }) },
  "actions.samples": { level: "viewer", input: async (f) => ({ ...ws(f), destinationId: (await f.destination()).id }) },
  "actions.parseSample": { level: "viewer", input: (f) => ({ ...ws(f), text: '{"type":"track"}' }) },
  "actions.preview": { level: "viewer", input: async (f) => ({ ...ws(f), actionId: (await f.destination()).actionId, event: { type: "track", event: "Signed Up", userId: "u1", messageId: "m1", timestamp: "2025-01-01T00:00:00.000Z" } }) },
  "actions.save": { level: "editor", input: async (f) => ({ ...ws(f), actionId: (await f.destination()).actionId, trigger: 'type = "track" and event = "Signed Up"' }) },
  "actions.restore": { level: "editor", input: async (f) => ({ ...ws(f), actionId: (await f.destination()).actionId, version: 1 }) },
  "actions.reset": { level: "editor", input: async (f) => ({ ...ws(f), actionId: (await f.destination()).actionId }) },
  "actions.create": { level: "editor", input: async (f) => ({ ...ws(f), destinationId: (await f.destination()).id, key: "trackEvent" }) },
  "actions.delete": { level: "editor", input: async (f) => ({ ...ws(f), actionId: (await f.destination()).actionId }) },
  // A mapping whose payload is invalid: the call is made, nothing leaves the machine.
  "actions.testSend": { level: "editor", input: async (f) => ({ ...ws(f), actionId: (await f.destination()).actionId, mapping: "{}", event: { type: "track" } }) },

  "members.list": { level: "admin", input: ws },
  "members.changeRole": { level: "admin", input: async (f) => ({ ...ws(f), userId: await f.member("viewer"), role: "editor" }) },
  "members.remove": { level: "admin", input: async (f) => ({ ...ws(f), userId: await f.member("editor") }) },

  "invitations.create": { level: "admin", input: (f) => ({ ...ws(f), role: "viewer" }) },
  "invitations.list": { level: "admin", input: ws },
  "invitations.revoke": { level: "admin", input: async (f) => ({ ...ws(f), id: (await f.invitation()).id }) },
  "invitations.preview": { level: "public", input: async (f) => ({ token: (await f.invitation()).token }) },
  "invitations.accept": { level: "session", input: async (f) => ({ token: (await f.invitation()).token }) },

  "tokens.create": { level: "viewer", input: (f) => ({ ...ws(f), name: "CI" }) },
  "tokens.list": { level: "viewer", input: ws },
  // Members revoke their own tokens (admins any): the fixture makes one of the caller's.
  "tokens.revoke": { level: "viewer", input: async (f) => ({ ...ws(f), id: await f.apiToken(f.callerUserId ?? (await f.member("viewer"))) }) },
};
