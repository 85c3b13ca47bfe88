/** An `Authorization` header value for HTTP Basic authentication. */
export function basicAuth(username: string, password = ""): string {
  return `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
}
