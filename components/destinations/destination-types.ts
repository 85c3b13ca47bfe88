import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>;

export type Destination = Outputs["destinations"]["get"];
export type DestinationAction = Destination["actions"][number];
export type CatalogEntry = Outputs["destinations"]["catalog"][number];
export type Attempt = Outputs["deliveries"]["log"]["attempts"][number];
export type AttemptStatus = "succeeded" | "retrying" | "failed" | "partial";
export const ATTEMPT_STATUS_OPTIONS: readonly AttemptStatus[] = ["succeeded", "retrying", "failed", "partial"];
export type EventTrace = Outputs["deliveries"]["trace"][number];
export type DeliveriesPerMinute = Outputs["deliveries"]["perMinute"];
