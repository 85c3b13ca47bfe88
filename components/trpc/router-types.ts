import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

type RouterInputs = inferRouterInputs<AppRouter>;
type RouterOutputs = inferRouterOutputs<AppRouter>;

export type Source = RouterOutputs["sources"]["list"][number];
export type SourceKind = NonNullable<RouterInputs["sources"]["create"]["kind"]>;
export type AuditPage = RouterOutputs["audit"]["list"];
export type AuditEntry = AuditPage["entries"][number];
