import { describe, expect, it } from "vitest";
import { messageUuid } from "./message-uuid";

describe("messageUuid", () => {
  it("keeps a message id that is a UUID, lower-cased", () => {
    expect(messageUuid("B8E1F0C2-4D3A-4F6B-9E7C-5A2D1C0B9F8E")).toBe("b8e1f0c2-4d3a-4f6b-9e7c-5a2d1c0b9f8e");
  });

  it("turns any other message id into a stable version-5 UUID", () => {
    const derived = messageUuid("sy-4b7e2f1a-9c3d-4e8f-a1b2-c3d4e5f6a7b8");
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(messageUuid("sy-4b7e2f1a-9c3d-4e8f-a1b2-c3d4e5f6a7b8")).toBe(derived);
    expect(messageUuid("sy-other")).not.toBe(derived);
  });
});
