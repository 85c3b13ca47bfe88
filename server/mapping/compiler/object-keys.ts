/**
 * Sets a property on an object the compiled code builds. Plain assignment of `__proto__` would
 * replace the prototype; JSONata builds objects without one, where `__proto__` is an ordinary key.
 */
export function setProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
