import { describe, expect, it } from "vitest";
import { compare, compiledFor } from "./testing/differential";
import { cornerEvents } from "./fixtures/corner-events";
import { cornerExpressions, mayHandOver } from "./fixtures/corner-expressions";

const events = Object.entries(cornerEvents);

describe("compiled corner cases", () => {
  it("covers a few hundred combinations, all compiled", () => {
    expect(new Set(cornerExpressions).size).toBe(cornerExpressions.length);
    expect(cornerExpressions.length * events.length).toBeGreaterThan(300);
    const notCompiled = cornerExpressions.filter((text) => typeof compiledFor(text) === "string");
    expect(notCompiled).toEqual([]);
  });

  it.each(cornerExpressions)("%s", async (text) => {
    let handedOverOnSuccess = 0;
    for (const [name, event] of events) {
      const { interpreted, compiled } = await compare(text, event);
      if (compiled.kind === "fallback") {
        if (interpreted.kind !== "error") handedOverOnSuccess++;
        continue;
      }
      expect(compiled, `on the ${name} event`).toStrictEqual(interpreted);
    }
    if (!mayHandOver.has(text)) expect(handedOverOnSuccess, "hand-overs where the interpreter succeeded").toBe(0);
  });
});
