/**
 * Bookkeeping for code generation: the JavaScript functions being generated (each declares the
 * temporaries and block variables used directly in it) and the constants hoisted out of them.
 * Names are generated (`t3`, `v2`, `k0`); nothing from the mapping text becomes an identifier.
 */
export class FunctionScope {
  readonly #declarations: string[] = [];

  constructor(private readonly names: NameSource) {}

  temporary(): string {
    const name = this.names.next("t");
    this.#declarations.push(name);
    return name;
  }

  declare(name: string): void {
    if (!this.#declarations.includes(name)) this.#declarations.push(name);
  }

  /** A function body returning `expression`, with its declarations. */
  body(expression: string): string {
    const declarations = this.#declarations.length === 0 ? "" : `let ${this.#declarations.join(", ")}; `;
    return `{ ${declarations}return ${expression}; }`;
  }
}

export class NameSource {
  #count = 0;

  next(prefix: string): string {
    return `${prefix}${this.#count++}`;
  }
}

/** Constants created once per compiled mapping, in the factory around the evaluation function. */
export class Constants {
  readonly #declarations: string[] = [];

  constructor(private readonly names: NameSource) {}

  /** A frozen constant; `source` is JavaScript built by the emitter from JSON-encoded values. */
  add(source: string): string {
    const name = this.names.next("k");
    this.#declarations.push(`const ${name} = Object.freeze(${source});`);
    return name;
  }

  get source(): string {
    return this.#declarations.join("\n");
  }
}

/** A JavaScript literal for a string: JSON is valid JavaScript, quotes and all escaped. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value);
}

export function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "(-Infinity)";
  if (Object.is(value, -0)) return "(-0)";
  return value < 0 ? `(${String(value)})` : String(value);
}
