import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

type RouterInputs = inferRouterInputs<AppRouter>;
type RouterOutputs = inferRouterOutputs<AppRouter>;

export type Source = RouterOutputs["sources"]["list"][number];
export type SourceKind = NonNullable<RouterInputs["sources"]["create"]["kind"]>;
export type Role = RouterOutputs["workspaces"]["get"]["role"];
export type MyWorkspace = RouterOutputs["workspaces"]["list"][number];
export type Member = RouterOutputs["members"]["list"][number];
export type Invitation = RouterOutputs["invitations"]["list"][number];
export type ApiToken = RouterOutputs["tokens"]["list"][number];
export type AuditPage = RouterOutputs["audit"]["list"];
export type AuditEntry = AuditPage["entries"][number];

export type ActionDetail = RouterOutputs["actions"]["get"];
export type ActionField = ActionDetail["fields"][number];
export type ActionVersion = RouterOutputs["actions"]["history"][number];
export type ActionPreview = RouterOutputs["actions"]["preview"];
export type ActionTestSend = RouterOutputs["actions"]["testSend"];
export type Sample = RouterOutputs["actions"]["samples"]["recent"][number];
