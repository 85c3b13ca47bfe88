const PLAIN_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * A field path in the dotted form users write in mappings: `properties.products[0].price`.
 * Names that are not plain identifiers are quoted in backticks, as JSONata does.
 */
export function formatPath(segments: readonly PropertyKey[]): string {
  let path = "";
  for (const segment of segments) {
    if (typeof segment === "number") {
      path += `[${segment}]`;
      continue;
    }
    const name = typeof segment === "symbol" ? (segment.description ?? "") : segment;
    const part = PLAIN_NAME.test(name) ? name : `\`${name}\``;
    path += path === "" ? part : `.${part}`;
  }
  return path;
}
