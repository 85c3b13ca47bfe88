import { z } from "zod";

/** HubSpot stores property values as text; numbers and true/false are taken as they are. */
const propertyValue = z.union([z.string(), z.number(), z.boolean()]);

export const contactFields = z.object({
  properties: z
    .object({ email: z.email().meta({ description: "Finds the contact (idProperty=email)." }) })
    .catchall(propertyValue)
    .meta({ description: "Contact properties by internal name; custom ones must exist in HubSpot first." }),
});

export type ContactUpsert = z.output<typeof contactFields>;
