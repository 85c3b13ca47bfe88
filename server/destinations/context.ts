import type { z } from "zod";
import { resolveBaseUrl } from "./base-url";
import { createHttpClient } from "./http-client";
import type { HttpClientOptions } from "./http-client";
import { secretValues } from "./settings";
import type { ActionContext, DestinationDefinition, DestinationSettingsOf } from "./types";

/**
 * The context for one delivery call: parsed settings (see `parseSettings`), the base URL they
 * choose, and an HTTP client that masks this destination's secrets in what it records.
 */
export function createActionContext<Schema extends z.ZodObject>(
  definition: DestinationDefinition<Schema>,
  settings: DestinationSettingsOf<Schema>,
  httpOptions: Omit<HttpClientOptions, "secrets">,
): ActionContext<DestinationSettingsOf<Schema>> {
  return {
    settings,
    baseUrl: resolveBaseUrl(definition, settings),
    http: createHttpClient({ ...httpOptions, secrets: secretValues(definition, settings) }),
  };
}
