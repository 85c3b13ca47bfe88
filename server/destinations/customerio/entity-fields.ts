import { z } from "zod";

const attributes = z.record(z.string(), z.unknown());

function exactlyOne(identifiers: Record<string, unknown>): boolean {
  return Object.values(identifiers).filter((value) => value !== undefined).length === 1;
}

/** A known person: by `id`, `email` or Customer.io's own `cio_id`, exactly one of them. */
export const personIdentifiers = z
  .object({ id: z.string().min(1).optional(), email: z.string().min(1).optional(), cio_id: z.string().min(1).optional() })
  .refine(exactlyOne, "must hold exactly one of id, email, cio_id");

/** Events may also belong to a person not known yet, by `anonymous_id`. */
export const eventIdentifiers = z
  .object({
    id: z.string().min(1).optional(),
    email: z.string().min(1).optional(),
    cio_id: z.string().min(1).optional(),
    anonymous_id: z.string().min(1).optional(),
  })
  .refine(exactlyOne, "must hold exactly one of id, email, cio_id, anonymous_id");

/** A person's event of one kind (`event`, `page`, `screen`) as the Track API v2 takes it. */
export function personEventFields<Action extends "event" | "page" | "screen">(action: Action) {
  return z.object({
    type: z.literal("person"),
    action: z.literal(action),
    identifiers: eventIdentifiers,
    name: z.string().min(1).meta({ description: action === "page" ? "The page's URL." : action === "screen" ? "The screen's name." : "The event's name." }),
    id: z.string().min(1).optional().meta({ description: "Deduplicates the event." }),
    timestamp: z.number().int().positive().optional().meta({ description: "Unix seconds." }),
    attributes: attributes.optional(),
  });
}

export const personIdentifyFields = z.object({
  type: z.literal("person"),
  action: z.literal("identify"),
  identifiers: personIdentifiers,
  attributes: attributes.optional(),
});

export const objectIdentifyFields = z.object({
  type: z.literal("object"),
  action: z.literal("identify"),
  identifiers: z.object({ object_type_id: z.string().min(1), object_id: z.string().min(1) }),
  attributes: attributes.optional(),
  cio_relationships: z
    .array(z.object({ identifiers: personIdentifiers, relationship_attributes: attributes.optional() }))
    .optional(),
});

export type PersonEvent = z.output<ReturnType<typeof personEventFields>>;
export type PersonIdentify = z.output<typeof personIdentifyFields>;
export type ObjectIdentify = z.output<typeof objectIdentifyFields>;
