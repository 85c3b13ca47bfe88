/**
 * How compiled code gives up on one evaluation. It throws `FALLBACK` wherever the interpreter
 * would throw (a type error, a limit, an unusual input), and the compiled mapping then runs the
 * interpreter on the same event, which produces JSONata's own result or error. Mappings are pure,
 * so abandoning a half-done evaluation is safe; this keeps the compiled code small and makes
 * "identical results" a property of the interpreter rather than of copied error messages.
 */
export class FallbackSignal {
  readonly name = "FallbackSignal";
}

export const FALLBACK = new FallbackSignal();

export function fallback(): never {
  throw FALLBACK;
}
