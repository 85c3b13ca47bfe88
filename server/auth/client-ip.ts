import type { IncomingMessage } from "node:http";
import { clientAddress, type TrustedProxies } from "../http/client-address";

/**
 * The header the Switchyard server sets to the address of the client, replacing whatever a
 * client sent, so rate limits cannot be dodged with a made-up X-Forwarded-For. Behind a trusted
 * proxy (SWITCHYARD_TRUSTED_PROXIES) it is the address the proxy forwarded, so users behind one
 * proxy do not share a rate limit.
 */
export const CLIENT_IP_HEADER = "x-switchyard-client-ip";

export function stampClientIp(req: IncomingMessage, trustedProxies: TrustedProxies): void {
  req.headers[CLIENT_IP_HEADER] = clientAddress({ peer: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"] }, trustedProxies) ?? "";
}
