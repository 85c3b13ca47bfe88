import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>;

export type LiveEvent = Outputs["events"]["live"]["events"][number];
export type EventType = NonNullable<inferRouterInputs<AppRouter>["events"]["live"]["type"]>;
export const EVENT_TYPE_OPTIONS: readonly EventType[] = ["track", "identify", "page", "screen", "group", "alias"];
