import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type Destination = Outputs["destinations"]["get"];
export type DestinationAction = Destination["actions"][number];
export type CatalogEntry = Outputs["destinations"]["catalog"][number];
export type SettingField = CatalogEntry["settings"][number];
export type SavedDestination = Destination;
export type DestinationSettingsInput = Inputs["destinations"]["create"]["settings"];
export type Attempt = Outputs["deliveries"]["log"]["attempts"][number];
export type AttemptStatus = "succeeded" | "retrying" | "failed" | "partial";
export const ATTEMPT_STATUS_OPTIONS: readonly AttemptStatus[] = ["succeeded", "retrying", "failed", "partial"];
export type EventTrace = Outputs["deliveries"]["trace"][number];
export type DeliveriesPerMinute = Outputs["deliveries"]["perMinute"];
