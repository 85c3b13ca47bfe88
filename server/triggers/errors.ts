/** A place in a trigger's text: `offset` is 0-based, `line` and `column` are 1-based. */
export interface TriggerPosition {
  offset: number;
  line: number;
  column: number;
}

/**
 * Converts an offset into a line and column. Columns count UTF-16 code units, as editors such
 * as Monaco do; `\n`, `\r\n` and a lone `\r` each end a line.
 */
export function positionAt(text: string, offset: number): TriggerPosition {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, text.length);
  for (let i = 0; i < stop; i++) {
    const ch = text[i];
    if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** A trigger that cannot be parsed. The message says what was expected and what was found. */
export class TriggerSyntaxError extends Error {
  readonly code = "TRIGGER_SYNTAX";
  /** Sending the same trigger again cannot help; the text has to change. */
  readonly retryable = false;
  readonly offset: number;
  readonly line: number;
  readonly column: number;

  constructor(message: string, text: string, offset: number) {
    super(message);
    this.name = "TriggerSyntaxError";
    const position = positionAt(text, offset);
    this.offset = position.offset;
    this.line = position.line;
    this.column = position.column;
  }
}
