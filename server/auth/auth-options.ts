/** Where Switchyard is reached: its own address (PORT, HOST), and SWITCHYARD_PUBLIC_URL behind a proxy. */
export function ownOrigins(env: Readonly<Record<string, string | undefined>> = process.env): { baseURL: string; trustedOrigins: string[] } {
  const port = env.PORT ?? "3000";
  const host = env.HOST ?? "127.0.0.1";
  const publicUrl = env.SWITCHYARD_PUBLIC_URL ? new URL(env.SWITCHYARD_PUBLIC_URL).origin : null;
  const listening = host === "0.0.0.0" || host === "::" ? ["localhost", "127.0.0.1"] : [host.includes(":") ? `[${host}]` : host];
  const local = listening.map((name) => `http://${name}:${port}`);
  if (listening.includes("127.0.0.1") && !listening.includes("localhost")) local.push(`http://localhost:${port}`);
  return { baseURL: publicUrl ?? local[0]!, trustedOrigins: [...new Set([...(publicUrl ? [publicUrl] : []), ...local])] };
}
