import { describe, expect, it } from "vitest";
import { isCanonicalIso, parseIsoDate } from "./iso-date";

const dates = [
  "2026-11-29T10:00:00.000Z",
  "2024-02-29T23:59:59.999Z",
  "2026-02-30T00:00:00.000Z", // Date.parse rolls it over to March
  "2026-04-31T12:00:00.000Z",
  "2026-01-01T24:00:00.000Z",
  "2026-01-01T23:59:60.000Z",
  "2026-13-01T00:00:00.000Z",
  "2026-00-10T00:00:00.000Z",
  "2026-01-00T00:00:00.000Z",
  "2026-01-32T00:00:00.000Z",
  "2026-01-01T00:60:00.000Z",
  "0099-01-01T00:00:00.000Z",
  "0999-12-31T23:59:59.999Z",
  "1970-01-01T00:00:00.000Z",
  "2026-11-29T10:00:00Z",
  "2026-11-29T10:00:00.000+01:00",
  "2026-11-29T10:00:00.0000Z",
  "2026-11-29",
  "2026-1a-29T10:00:00.000Z",
  "2026-11-29 10:00:00.000Z",
  "Sun, 29 Nov 2026 10:00:00 GMT",
  "not a date",
  "",
  "+002026-11-29T10:00:00.000Z",
  "２０２６-11-29T10:00:00.000Z",
];

describe("parseIsoDate", () => {
  it.each(dates)("reads %j exactly as Date.parse does", (value) => {
    expect(parseIsoDate(value)).toBe(Date.parse(value));
    // A second time, through the memory of the last date read.
    expect(parseIsoDate(value)).toBe(Date.parse(value));
  });

  it("agrees with Date.parse over every millisecond form of a year of random dates", () => {
    for (let i = 0; i < 20_000; i++) {
      const ms = Date.UTC(1000 + Math.floor(Math.random() * 9000), 0, 1) + Math.floor(Math.random() * 366 * 86_400_000);
      const iso = new Date(ms).toISOString();
      expect(parseIsoDate(iso)).toBe(ms);
    }
  });

  it("tells the stored form from the others", () => {
    expect(isCanonicalIso("2026-11-29T10:00:00.000Z")).toBe(true);
    expect(isCanonicalIso("2026-11-29T10:00:00Z")).toBe(false);
    expect(isCanonicalIso("2026-11-29T10:00:00.000+00:00")).toBe(false);
    expect(isCanonicalIso("2026-11-29T10:0a:00.000Z")).toBe(false);
  });
});
