import { readFileSync } from "node:fs";
import path from "node:path";

export type SampleName = "identify" | "track" | "page" | "screen" | "group" | "alias" | "order-completed" | "product-viewed" | "checkout-started";

/** A fresh copy of a sample event from `mappings/samples/`, to change freely in a test. */
export function sampleEvent(name: SampleName): Record<string, unknown> {
  const text = readFileSync(path.resolve(process.cwd(), "mappings/samples", `${name}.json`), "utf8");
  return JSON.parse(text) as Record<string, unknown>;
}
