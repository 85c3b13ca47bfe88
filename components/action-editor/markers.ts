import jsonata from "jsonata";

/** An error to underline in the editor; line and column count from 1. */
export type EditorMarker = { line: number; column: number; length: number; message: string };

/** Where a JSONata text fails to parse, checked in the browser as the user types. */
export function syntaxMarkers(text: string): EditorMarker[] {
  try {
    jsonata(text);
    return [];
  } catch (error) {
    const failure = error as { position?: unknown; token?: unknown; message?: unknown };
    const position = typeof failure.position === "number" ? failure.position : 0;
    const token = typeof failure.token === "string" ? failure.token : "";
    const offset = Math.max(0, Math.min(text.length, token && text.slice(position - token.length, position) === token ? position - token.length : position - 1));
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    return [{ line, column, length: token.length || 1, message: typeof failure.message === "string" ? failure.message : "Syntax error" }];
  }
}
