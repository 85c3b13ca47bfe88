import type { IncomingMessage } from "node:http";

/**
 * The header the Switchyard server sets to the address of the connection, replacing whatever
 * a client sent, so rate limits cannot be dodged with a made-up X-Forwarded-For.
 */
export const CLIENT_IP_HEADER = "x-switchyard-client-ip";

export function stampClientIp(req: IncomingMessage): void {
  const address = req.socket.remoteAddress ?? "";
  req.headers[CLIENT_IP_HEADER] = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
}
