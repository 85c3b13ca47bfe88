import "server-only";

/** This server's public URL for snippets: SWITCHYARD_PUBLIC_URL, else the origin the request came to. */
export function publicBaseUrl(requestHeaders: Headers): string {
  const configured = process.env.SWITCHYARD_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${protocol}://${host}`;
}
