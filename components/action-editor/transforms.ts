import type { Transform } from "./mapping-model/types";

/** The transform menu, in the words a non-engineer uses. */
export const TRANSFORM_CHOICES: ReadonlyArray<{ label: string; make(): Transform }> = [
  { label: "lowercase", make: () => ({ kind: "lowercase" }) },
  { label: "UPPERCASE", make: () => ({ kind: "uppercase" }) },
  { label: "trim spaces", make: () => ({ kind: "trim" }) },
  { label: "to number", make: () => ({ kind: "toNumber" }) },
  { label: "to text", make: () => ({ kind: "toString" }) },
  { label: "to unix time (seconds)", make: () => ({ kind: "unixSeconds" }) },
  { label: "to unix time (milliseconds)", make: () => ({ kind: "unixMillis" }) },
  { label: "hash (SHA-256)", make: () => ({ kind: "sha256" }) },
  { label: "format date (YYYY-MM-DD)", make: () => ({ kind: "formatDate", picture: "[Y0001]-[M01]-[D01]" }) },
  { label: "default value when missing", make: () => ({ kind: "default", value: "", when: "missing" }) },
];

export function transformLabel(transform: Transform): string {
  switch (transform.kind) {
    case "lowercase":
      return "lowercase";
    case "uppercase":
      return "UPPERCASE";
    case "trim":
      return "trim spaces";
    case "toNumber":
      return "to number";
    case "toString":
      return "to text";
    case "sha256":
      return "hash SHA-256";
    case "unixSeconds":
      return "unix time (s)";
    case "unixMillis":
      return "unix time (ms)";
    case "formatDate":
      return `format date ${transform.picture}`;
    case "default":
      return `if ${transform.when === "missing" ? "missing" : "empty"}: ${JSON.stringify(transform.value)}`;
    case "fallback":
      return `if ${transform.when === "missing" ? "missing" : "empty"}: ${transform.path.join(".")}`;
  }
}
