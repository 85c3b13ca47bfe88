import type { MappingLocation } from "./errors";

/**
 * Turns JSONata's error `position` into a line and column. JSONata reports the offset just past
 * the offending token, so the column points at the token's first character when the token is
 * found right there, just past the text for an unexpected end, and otherwise at the character
 * just before `position`.
 */
const END_OF_TEXT = "(end)";

export function locate(text: string, position: number, token: string | undefined): MappingLocation {
  let offset = position - 1;
  if (token === END_OF_TEXT) {
    offset = position;
  } else if (token !== undefined && token.length > 0 && text.slice(position - token.length, position) === token) {
    offset = position - token.length;
  }
  offset = Math.min(Math.max(offset, 0), text.length);

  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { position, line, column: offset - lineStart + 1, token };
}
