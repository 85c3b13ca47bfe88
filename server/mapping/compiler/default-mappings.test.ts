import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileMapping } from "../compile";
import { compare, compiledFor, expectSameOutcome } from "./testing/differential";
import { eventVariants } from "./testing/event-variants";

const MAPPINGS = path.resolve(import.meta.dirname, "../../../mappings");

const mappingFiles = readdirSync(MAPPINGS, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".jsonata"))
  .sort();

const samples = readdirSync(path.join(MAPPINGS, "samples"))
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => ({ name: file, event: JSON.parse(readFileSync(path.join(MAPPINGS, "samples", file), "utf8")) as Record<string, never> }));

const events = samples.flatMap(({ name, event }) => eventVariants(name, event));

/** Default mappings the compiler must cover; the others may use what it leaves to the interpreter. */
const MUST_COMPILE = mappingFiles.filter((file) => /^(amplitude|customerio|mixpanel|segment|slack|webhook)\//.test(file));

function read(file: string): string {
  return readFileSync(path.join(MAPPINGS, file), "utf8");
}

describe("default mappings", () => {
  it("has samples and event variants to test with", () => {
    expect(MUST_COMPILE.length).toBeGreaterThanOrEqual(18);
    expect(samples.length).toBeGreaterThanOrEqual(7);
    expect(events.length).toBeGreaterThan(200);
  });

  it.each(MUST_COMPILE)("compiles %s", (file) => {
    expect(compiledFor(read(file))).toMatchObject({ evaluationDepth: expect.any(Number) });
    expect(compileMapping(read(file)).kind).toBe("compiled");
  });

  it("leaves a mapping to the interpreter only for constructs outside the subset", () => {
    const reasons = mappingFiles.map((file) => compiledFor(read(file))).filter((outcome) => typeof outcome === "string");
    expect(reasons.filter((reason) => reason.startsWith("compiler error"))).toEqual([]);
  });

  const compiledFiles = mappingFiles.filter((file) => typeof compiledFor(read(file)) !== "string");

  it.each(compiledFiles)("%s gives the interpreter's result on every sample variant", async (file) => {
    const text = read(file);
    let ranCompiled = 0;
    for (const { name, event } of events) {
      const comparison = await compare(text, event);
      // a value or error from the compiled code equals the interpreter's; it hands over only where the interpreter fails
      expectSameOutcome(comparison, `${file} on ${name}`);
      if (comparison.compiled.kind !== "fallback") ranCompiled++;
    }
    expect(ranCompiled).toBeGreaterThan(events.length / 2);
  });
});
