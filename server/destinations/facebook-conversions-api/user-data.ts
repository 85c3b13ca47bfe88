import { createHash } from "node:crypto";
import { z } from "zod";

/** Customer information in clear, as a mapping gives it; `hashUserData` normalises and hashes it. */
export const userDataFields = z.object({
  email: z.string().min(1).optional(),
  phone: z.string().min(1).optional().meta({ description: "With the country code, e.g. +44 20 7946 0958." }),
  external_id: z.string().min(1).optional().meta({ description: "Your id for the person (the userId)." }),
  first_name: z.string().min(1).optional(),
  last_name: z.string().min(1).optional(),
  gender: z.string().min(1).optional(),
  date_of_birth: z.string().min(1).optional().meta({ description: "YYYY-MM-DD (or an ISO date-time)." }),
  city: z.string().min(1).optional(),
  state: z.string().min(1).optional().meta({ description: "Two-letter code, e.g. ca." }),
  zip: z.string().min(1).optional(),
  country: z.string().min(1).optional().meta({ description: "ISO 3166-1 alpha-2, e.g. gb." }),
  client_ip_address: z.string().min(1).optional(),
  client_user_agent: z.string().min(1).optional(),
  fbc: z.string().min(1).optional().meta({ description: "The _fbc cookie (click id); sent as it is." }),
  fbp: z.string().min(1).optional().meta({ description: "The _fbp cookie (browser id); sent as it is." }),
});

export type ClearUserData = z.output<typeof userDataFields>;

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** SHA-256 hex of a normalised value; a value that already is a SHA-256 hex digest passes through. */
export function sha256(value: string, normalise: (value: string) => string): string | undefined {
  if (SHA256_HEX.test(value.trim())) return value.trim().toLowerCase();
  const normal = normalise(value);
  return normal === "" ? undefined : createHash("sha256").update(normal, "utf8").digest("hex");
}

const lower = (value: string) => value.trim().toLowerCase();
const lettersOnly = (value: string) => lower(value).replace(/[^\p{L}]/gu, "");
const normalisers = {
  em: lower,
  ph: (value: string) => value.replace(/\D/g, "").replace(/^0+/, ""),
  external_id: (value: string) => value.trim(),
  fn: lower,
  ln: lower,
  ge: (value: string) => lower(value).charAt(0),
  db: (value: string) => value.trim().slice(0, 10).replace(/-/g, ""),
  ct: lettersOnly,
  st: lettersOnly,
  zp: (value: string) => lower(value).replace(/[\s-]/g, ""),
  country: lettersOnly,
} as const;

const CLEAR_TO_META = {
  email: "em", phone: "ph", external_id: "external_id", first_name: "fn", last_name: "ln", gender: "ge",
  date_of_birth: "db", city: "ct", state: "st", zip: "zp", country: "country",
} as const;

/**
 * Meta's `user_data`: contact details normalised as Meta documents them (email lower-cased,
 * phone digits only with the country code, dates YYYYMMDD...) and SHA-256 hashed, each as a
 * one-item list; IP address, user agent, fbc and fbp as they are.
 */
export function hashUserData(clear: ClearUserData): Record<string, string | string[]> {
  const { client_ip_address, client_user_agent, fbc, fbp } = clear;
  const hashed: Record<string, string | string[]> = {};
  for (const [field, key] of Object.entries(CLEAR_TO_META)) {
    const value = clear[field as keyof typeof CLEAR_TO_META];
    const digest = value === undefined ? undefined : sha256(value, normalisers[key]);
    if (digest !== undefined) hashed[key] = [digest];
  }
  for (const [key, value] of Object.entries({ client_ip_address, client_user_agent, fbc, fbp })) if (value !== undefined) hashed[key] = value;
  return hashed;
}
