import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../db";
import type { TrustedProxies } from "../http/client-address";
import { publicBaseUrl } from "../http/public-url";
import type { WriteKeyResolver } from "../ingest/write-keys";
import { createBrowserSdkRoutes } from "./browser-sdk-routes";
import { createDemoRoute } from "./demo-route";
import { SdkAssets } from "./sdk-assets";

export type BrowserSourceRoutesOptions = {
  db: Db;
  writeKeys: WriteKeyResolver;
  trustedProxies: TrustedProxies;
  /** SWITCHYARD_PUBLIC_URL, or null to derive it from each request. */
  publicUrl: string | null;
  assets?: SdkAssets;
};

/**
 * Everything a website's JavaScript source needs from this server besides the ingest API:
 * the SDK's files and settings, and the demo page. Answered before the ingest API and Next.
 */
export function createBrowserSourceRoutes(options: BrowserSourceRoutesOptions) {
  const base = (req: IncomingMessage) => publicBaseUrl(req, options.trustedProxies, options.publicUrl);
  const routes = [
    createBrowserSdkRoutes({ writeKeys: options.writeKeys, assets: options.assets ?? new SdkAssets(), publicBaseUrl: base }),
    createDemoRoute({ db: options.db, publicBaseUrl: base }),
  ];
  return {
    matches(pathname: string): boolean {
      return routes.some((route) => route.matches(pathname));
    },

    async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
      try {
        await routes.find((route) => route.matches(pathname))!.handle(req, res, pathname);
      } catch (error) {
        console.error(`${req.method} ${pathname} failed`, error);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ error: "Something went wrong on the server", code: "internal" }));
      }
    },
  };
}
