import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

type RouterOutputs = inferRouterOutputs<AppRouter>;
type RouterInputs = inferRouterInputs<AppRouter>;

export type CatalogEntry = RouterOutputs["destinations"]["catalog"][number];
export type SettingField = CatalogEntry["settings"][number];
export type SavedDestination = RouterOutputs["destinations"]["get"];
export type DestinationSettingsInput = RouterInputs["destinations"]["create"]["settings"];
