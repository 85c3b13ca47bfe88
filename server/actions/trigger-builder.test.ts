import { describe, expect, it } from "vitest";
import { generateTrigger } from "../../components/action-editor/trigger-model/generate-trigger";
import { parseTrigger } from "../triggers/parse";
import { triggerBuilderOf } from "./trigger-builder";

const TRIGGERS = [
  "all",
  'type = "track"',
  'type = "track" and event = "Order Completed"',
  'type = "track" and (event = "Order Completed" or match(event, "Checkout *"))',
  "properties.total >= 100 and traits.email != null",
  'not contains(properties.tags, "internal")',
  'properties."order id" = "A-1" or properties.items.0.sku = "X"',
  'not (type = "identify" or type = "group") and userId != null',
  "(a_b = 1)".replace("a_b", "properties.a_b"),
  'type = "track" and ((event = "A" and properties.x > 1) or (event = "B" and properties.y < -2.5))',
  'contains(properties.sizes, 42) and properties.vip = true',
];

describe("trigger builder ↔ subscription language", () => {
  it.each(TRIGGERS)("%s: text → builder → text parses the same, and the builder comes back identical", (text) => {
    const builder = triggerBuilderOf(text);
    expect(builder).not.toBeNull();
    const generated = generateTrigger(builder!);
    expect(parseTrigger(generated)).toEqual(parseTrigger(text));
    expect(triggerBuilderOf(generated)).toEqual(builder);
  });

  it("has no builder form for a trigger that does not parse", () => {
    expect(triggerBuilderOf('type = "track" and')).toBeNull();
  });
});
