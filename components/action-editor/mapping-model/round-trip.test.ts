import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateMapping } from "./generate-mapping";
import { parseMapping } from "./parse-mapping";
import { expressionFields, visualRoundTrips } from "./round-trip-fixtures";

describe("visual view ↔ JSONata", () => {
  it.each(visualRoundTrips)("$name: rows → JSONata → the same rows", ({ rows }) => {
    const text = generateMapping({ kind: "rows", prefix: "", suffix: "", rows });
    const back = parseMapping(text);
    expect(back).toEqual({ kind: "rows", prefix: "", suffix: "", rows });
    expect(generateMapping(back)).toBe(text);
  });

  it.each(expressionFields)("JSONata beyond the visual view is kept byte for byte: %s", (field) => {
    const text = `{\n  "event": event,\n  "x": ${field}\n}`;
    const model = parseMapping(text);
    expect(model.kind).toBe("rows");
    if (model.kind !== "rows") return;
    expect(model.rows[1]).toEqual({ key: "x", kind: "expression", text: field });
    expect(generateMapping(model)).toBe(text);
  });

  it("keeps what surrounds the object (comments, a block's variables) byte for byte, and edits only the rows", () => {
    const text = `/* a comment */\n(\n  $ua := context.userAgent;\n  {\n    "event": event,\n    "ua": $ua\n  }\n)`;
    const model = parseMapping(text);
    expect(model.kind).toBe("rows");
    if (model.kind !== "rows") return;
    expect(model.rows).toEqual([{ key: "event", kind: "value", source: { kind: "path", path: ["event"] }, transforms: [] }, { key: "ua", kind: "expression", text: "$ua" }]);
    expect(generateMapping(model)).toBe(text);
    const edited = generateMapping({ ...model, rows: [{ ...model.rows[0]!, kind: "value", source: { kind: "path", path: ["properties", "name"] }, transforms: [{ kind: "lowercase" }] }, model.rows[1]!] });
    expect(edited).toBe(`/* a comment */\n(\n  $ua := context.userAgent;\n  {\n    "event": $lowercase(properties.name),\n    "ua": $ua\n  }\n)`);
  });

  it.each([
    ["not an object", "$merge([properties, traits])"],
    ["computed keys", `{ event: properties }`],
    ["an object grouped over a list", `properties.products{ name: price }`],
    ["a syntax error", `{ "a": `],
  ])("shows a mapping that is %s as one expression, unchanged", (_name, text) => {
    const model = parseMapping(text);
    expect(model.kind).toBe("expression");
    expect(generateMapping(model)).toBe(text);
  });

  it("reads most of the catalog's default mappings field by field, and changes none of them", () => {
    const root = path.resolve(process.cwd(), "mappings");
    const files = readdirSync(root).filter((d) => d !== "samples").flatMap((d) => readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));
    let visual = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8").trimEnd();
      const model = parseMapping(text);
      if (model.kind === "rows") visual++;
      // parsing alone never rewrites: only an edit in the visual view regenerates the object
      expect(parseMapping(generateMapping(model))).toEqual(model);
    }
    expect(files.length).toBeGreaterThanOrEqual(37);
    expect(visual).toBeGreaterThanOrEqual(31);
  });
});
