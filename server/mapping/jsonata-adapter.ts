import { createHash } from "node:crypto";
import jsonata from "jsonata";
import type { MappingLimits } from "./limits";
import { stringTooLong } from "./limits";
import { createSafePad } from "./safe-pad";

/**
 * The one place that touches the `jsonata` package, whose typings are loose (`any` everywhere):
 * everything leaving this file is typed.
 */

export interface JsonataProgram {
  evaluate(input: unknown): Promise<unknown>;
}

/** What JSONata throws, read into one shape. Its own failures are plain objects, not Errors. */
export interface JsonataFailure {
  readonly code: string | undefined;
  readonly message: string;
  readonly position: number | undefined;
  readonly token: string | undefined;
  /** The failure wrapped by `$eval` (codes D3120 / D3121). */
  readonly inner: JsonataFailure | undefined;
  /** Set when the JavaScript runtime threw (`RangeError`...), not JSONata itself. */
  readonly runtimeErrorName: string | undefined;
}

/** jsonata.d.ts types `assign` with a string name; at run time any property key is accepted. */
type AssignAnyKey = (name: string | symbol, value: unknown) => void;

const EVALUATE_EXIT = Symbol.for("jsonata.__evaluate_exit");

/**
 * Parses `text`. Without `limits`, JSONata as shipped plus `$sha256` (tests compare against it). With `limits`,
 * every evaluation is guarded:
 * - time and depth: JSONata 2.2's own `timeout` and `stack` options, checked on entry to every
 *   evaluation step (so a tight loop is cut) and thrown as D1012 / D1011;
 * - sequence length: its `sequence` option (D2015), which also refuses `[1..n]` up front;
 * - string length: an exit hook on every step, so a huge string is stopped before any function
 *   turns it into an array (`$length` of a 200-million-character string aborts the process);
 * - `$pad` replaced by a version that refuses huge widths.
 * Not guarded here: a regular expression that backtracks catastrophically (`/(a+)+$/`) runs
 * inside one native call; start Node with `--enable-experimental-regexp-engine-on-excessive-backtracks`.
 * Throws what JSONata throws for a syntax error (read it with `readFailure`).
 */
export function parseJsonata(text: string, limits?: MappingLimits): JsonataProgram {
  if (limits === undefined) return withSwitchyardFunctions(jsonata(text));

  const expression = jsonata(text, {
    timeout: limits.timeoutMs,
    stack: limits.maxDepth,
    sequence: limits.maxSequenceLength,
  });
  const { maxStringLength } = limits;
  const assign = expression.assign.bind(expression) as AssignAnyKey;
  assign(EVALUATE_EXIT, (_expr: unknown, _input: unknown, _environment: unknown, result: unknown) => {
    if (typeof result === "string" && result.length > maxStringLength) throw stringTooLong(maxStringLength);
  });
  expression.registerFunction("pad", createSafePad(maxStringLength), "<s-ns?:s>");
  return withSwitchyardFunctions(expression);
}

/** Functions Switchyard adds to JSONata's library: `$sha256` (see `compiler/functions-hash.ts`). */
function withSwitchyardFunctions(expression: jsonata.Expression): jsonata.Expression {
  expression.registerFunction("sha256", (value: unknown) => (value === undefined ? undefined : createHash("sha256").update(String(value), "utf8").digest("hex")), "<s-:s>");
  return expression;
}

/**
 * The parse tree of `text` as JSONata builds it, for the compiler (`compiler/jsonata-ast.ts`
 * reads it into typed nodes). Throws what JSONata throws for a syntax error.
 */
export function parseJsonataAst(text: string): unknown {
  const tree: unknown = jsonata(text).ast();
  return tree;
}

export function readFailure(thrown: unknown): JsonataFailure {
  if (typeof thrown !== "object" || thrown === null) {
    return { code: undefined, message: String(thrown), position: undefined, token: undefined, inner: undefined, runtimeErrorName: undefined };
  }
  const code = stringField(thrown, "code");
  return {
    code,
    message: stringField(thrown, "message") ?? "Unknown error",
    position: numberField(thrown, "position"),
    token: stringField(thrown, "token"),
    inner: (code === "D3120" || code === "D3121") && "error" in thrown ? readFailure(thrown.error) : undefined,
    runtimeErrorName: thrown instanceof Error ? thrown.name : undefined,
  };
}

/** JSONata functions are objects flagged `_jsonata_lambda` / `_jsonata_function`, or plain JS functions (regex matchers). */
export function isJsonataFunction(value: unknown): boolean {
  if (typeof value === "function") return true;
  return typeof value === "object" && value !== null && ("_jsonata_lambda" in value || "_jsonata_function" in value);
}

function stringField(value: object, key: string): string | undefined {
  const field: unknown = Reflect.get(value, key);
  return typeof field === "string" ? field : undefined;
}

function numberField(value: object, key: string): number | undefined {
  const field: unknown = Reflect.get(value, key);
  return typeof field === "number" ? field : undefined;
}
