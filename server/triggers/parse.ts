import type { Literal, TriggerNode } from "./ast";
import type { FieldRef } from "./fields";
import type { Token, WordToken } from "./tokenize";
import { TriggerSyntaxError, positionAt } from "./errors";
import { FIELD_ROOTS, hasNestedFields, isFieldRoot } from "./fields";
import { tokenize } from "./tokenize";

export const MAX_TRIGGER_LENGTH = 10_000;
/** Parentheses nested deeper than this are refused before they can exhaust the call stack. */
export const MAX_NESTING = 1_000;

type FunctionName = "contains" | "match";
type Argument =
  | { readonly kind: "field"; readonly field: FieldRef; readonly token: Token }
  | { readonly kind: "literal"; readonly value: Literal; readonly token: Token };

const ROOT_LIST = `${FIELD_ROOTS.slice(0, -1).join(", ")} or ${FIELD_ROOTS.at(-1) ?? ""}`;
const KEYWORDS: ReadonlySet<string> = new Set(["all", "and", "or", "not", "true", "false", "null"]);

/**
 * Parses a trigger (see README.md in this folder for the language) into a tree.
 * Throws {@link TriggerSyntaxError} with the position of the first problem.
 */
export function parseTrigger(text: string): TriggerNode {
  if (text.length > MAX_TRIGGER_LENGTH) {
    throw new TriggerSyntaxError(
      `Expected at most ${MAX_TRIGGER_LENGTH.toLocaleString("en")} characters but found ${text.length.toLocaleString("en")}`,
      text,
      MAX_TRIGGER_LENGTH,
    );
  }
  return new Parser(text, tokenize(text)).trigger();
}

/**
 * Recursive descent, one method per precedence level: `or` < `and` < `not`/`!` < comparison,
 * function call or parenthesised group.
 */
class Parser {
  private index = 0;
  private depth = 0;
  private readonly endToken: Token;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {
    this.endToken = tokens.at(-1) ?? { kind: "end", start: text.length, end: text.length };
  }

  trigger(): TriggerNode {
    const first = this.peek();
    if (first.kind === "end") {
      throw this.error(`Expected a condition, or "all" for every event, but found end of input`, first);
    }
    if (this.isKeyword(first, "all")) {
      this.index++;
      const next = this.peek();
      if (next.kind !== "end") {
        throw this.error(`Expected end of input after "all" (which matches every event) but found ${this.describe(next)}`, next);
      }
      return { kind: "all" };
    }
    const node = this.or();
    const rest = this.peek();
    if (rest.kind === ")") throw this.error(`Expected "and", "or" or end of input but found ")" without a matching "("`, rest);
    if (rest.kind !== "end") throw this.error(`Expected "and", "or" or end of input but found ${this.describe(rest)}`, rest);
    return node;
  }

  private or(): TriggerNode {
    const first = this.and();
    if (!this.acceptKeyword("or")) return first;
    const operands = [first];
    do operands.push(this.and());
    while (this.acceptKeyword("or"));
    return { kind: "or", operands };
  }

  private and(): TriggerNode {
    const first = this.not();
    if (!this.acceptKeyword("and")) return first;
    const operands = [first];
    do operands.push(this.not());
    while (this.acceptKeyword("and"));
    return { kind: "and", operands };
  }

  /** Counts prefixes in a loop rather than recursing, so `!!!!…` cannot exhaust the stack. */
  private not(): TriggerNode {
    let negations = 0;
    for (let token = this.peek(); token.kind === "!" || this.isKeyword(token, "not"); token = this.peek()) {
      negations++;
      this.index++;
    }
    const operand = this.primary();
    return negations % 2 === 1 ? { kind: "not", operand } : operand;
  }

  private primary(): TriggerNode {
    const token = this.peek();
    if (token.kind === "(") return this.group(token);
    if (token.kind === "word" && !this.isAnyKeyword(token)) {
      return this.tokens[this.index + 1]?.kind === "(" ? this.functionCall(token) : this.comparison(token);
    }
    if (token.kind === "word" && this.isKeyword(token, "all")) {
      throw this.error(`Expected a condition but found "all" (it matches every event and must be the whole trigger)`, token);
    }
    throw this.error(`Expected a condition${this.afterPrevious()} but found ${this.describe(token)}`, token);
  }

  private group(open: Token): TriggerNode {
    if (this.depth >= MAX_NESTING) {
      throw this.error(`Expected at most ${MAX_NESTING.toLocaleString("en")} nested parentheses but found more`, open);
    }
    this.index++;
    this.depth++;
    const inner = this.or();
    const close = this.peek();
    if (close.kind !== ")") {
      const at = positionAt(this.text, open.start);
      throw this.error(
        `Expected "and", "or" or ")" to close the "(" at line ${at.line}, column ${at.column} but found ${this.describe(close)}`,
        close,
      );
    }
    this.index++;
    this.depth--;
    return inner;
  }

  private comparison(token: WordToken): TriggerNode {
    const field = this.field(token);
    this.index++;
    const operator = this.peek();
    if (operator.kind !== "operator") {
      throw this.error(
        `Expected an operator (=, !=, <, <=, >, >=) after ${this.describe(token)} but found ${this.describe(operator)}`,
        operator,
      );
    }
    this.index++;
    const valueToken = this.peek();
    const literal = this.literal(valueToken);
    if (literal === undefined) {
      const hint = valueToken.kind === "word" ? " (strings are written in double quotes)" : "";
      throw this.error(`Expected a value after "${operator.operator}" but found ${this.describe(valueToken)}${hint}`, valueToken);
    }
    this.index++;
    if (operator.operator === "=" || operator.operator === "!=") {
      return { kind: "equality", operator: operator.operator, field, value: literal.value };
    }
    if (typeof literal.value !== "number") {
      throw this.error(
        `Expected a number after "${operator.operator}" but found ${this.describe(valueToken)} ("${operator.operator}" compares numbers only)`,
        valueToken,
      );
    }
    return { kind: "ordering", operator: operator.operator, field, value: literal.value };
  }

  private functionCall(nameToken: WordToken): TriggerNode {
    const name = this.functionName(nameToken);
    this.index += 2;
    const args = this.arguments(name);
    const [subject, operand] = args;
    if (args.length !== 2 || subject === undefined || operand === undefined) {
      const second = name === "match" ? "a pattern" : "a value";
      throw this.error(`Expected 2 arguments for ${name}() (a field and ${second}) but found ${args.length}`, nameToken);
    }
    if (subject.kind !== "field") {
      throw this.error(`Expected a field as the first argument of ${name}() but found ${this.describe(subject.token)}`, subject.token);
    }
    if (name === "match") {
      if (operand.kind !== "literal" || typeof operand.value !== "string") {
        throw this.error(`Expected a pattern string as the second argument of match() but found ${this.describe(operand.token)}`, operand.token);
      }
      return { kind: "match", field: subject.field, pattern: operand.value };
    }
    if (operand.kind !== "literal" || operand.value === null) {
      throw this.error(
        `Expected a string, number or boolean as the second argument of contains() but found ${this.describe(operand.token)}`,
        operand.token,
      );
    }
    return { kind: "contains", field: subject.field, value: operand.value };
  }

  private functionName(token: WordToken): FunctionName {
    const name = token.path.length === 1 ? token.path[0].toLowerCase() : "";
    if (name === "contains" || name === "match") return name;
    throw this.error(`Unknown function "${this.raw(token)}": expected contains or match`, token);
  }

  /** Reads the arguments after the opening parenthesis, up to and including the closing one. */
  private arguments(name: FunctionName): Argument[] {
    const args: Argument[] = [];
    if (this.peek().kind === ")") {
      this.index++;
      return args;
    }
    for (;;) {
      args.push(this.argument(name));
      const next = this.peek();
      this.index++;
      if (next.kind === ")") return args;
      if (next.kind !== ",") {
        throw this.error(`Expected "," or ")" in the arguments of ${name}() but found ${this.describe(next)}`, next);
      }
    }
  }

  private argument(name: FunctionName): Argument {
    const token = this.peek();
    const literal = this.literal(token);
    this.index++;
    if (literal !== undefined) return { kind: "literal", value: literal.value, token };
    if (token.kind === "word" && !this.isAnyKeyword(token)) return { kind: "field", field: this.field(token), token };
    throw this.error(`Expected a field or a value as an argument of ${name}() but found ${this.describe(token)}`, token);
  }

  private field(token: WordToken): FieldRef {
    const [root, ...path] = token.path;
    if (!isFieldRoot(root)) {
      const suggestion = FIELD_ROOTS.find((candidate) => candidate.toLowerCase() === root.toLowerCase());
      const hint = suggestion ? `did you mean "${suggestion}"?` : `expected a field starting with ${ROOT_LIST}`;
      throw this.error(`Unknown field "${root}": ${hint}`, token);
    }
    if (path.length > 0 && !hasNestedFields(root)) {
      throw new TriggerSyntaxError(
        `Expected "${root}" on its own but found ${this.describe(token)} ("${root}" has no nested fields)`,
        this.text,
        token.start + root.length,
      );
    }
    return { root, path };
  }

  private literal(token: Token): { value: Literal } | undefined {
    if (token.kind === "string" || token.kind === "number") return { value: token.value };
    if (this.isKeyword(token, "true")) return { value: true };
    if (this.isKeyword(token, "false")) return { value: false };
    if (this.isKeyword(token, "null")) return { value: null };
    return undefined;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.endToken;
  }

  private acceptKeyword(keyword: string): boolean {
    if (!this.isKeyword(this.peek(), keyword)) return false;
    this.index++;
    return true;
  }

  /** Keywords are case-insensitive single words; `properties.and` is a field. */
  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === "word" && token.path.length === 1 && token.path[0].toLowerCase() === keyword;
  }

  private isAnyKeyword(token: WordToken): boolean {
    return token.path.length === 1 && KEYWORDS.has(token.path[0].toLowerCase());
  }

  private afterPrevious(): string {
    const previous = this.tokens[this.index - 1];
    return previous ? ` after ${this.describe(previous)}` : "";
  }

  private raw(token: Token): string {
    const raw = this.text.slice(token.start, token.end);
    return raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
  }

  private describe(token: Token): string {
    switch (token.kind) {
      case "end":
        return "end of input";
      case "string":
        return `the string ${this.raw(token)}`;
      case "number":
        return `the number ${this.raw(token)}`;
      default:
        return `"${this.raw(token)}"`;
    }
  }

  private error(message: string, token: Token): TriggerSyntaxError {
    return new TriggerSyntaxError(message, this.text, token.start);
  }
}
