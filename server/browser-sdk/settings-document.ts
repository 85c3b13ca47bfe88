/** The integration the Customer.io browser SDK reads its API host and key from. */
export const PIPELINES_INTEGRATION = "Customer.io Data Pipelines";

/**
 * The settings document the browser SDK loads from `{cdn}/v1/projects/{writeKey}/settings`.
 * It sends events to `{protocol}://{apiHost}/{i,t,p,g,a,s}`, so apiHost is this server's
 * public host and path (no scheme) followed by /v1. Only one integration is listed: with more,
 * the SDK would fetch device-mode destination code from a CDN.
 */
export function settingsDocument(writeKey: string, publicBaseUrl: string): Record<string, unknown> {
  const url = new URL(publicBaseUrl);
  const protocol = url.protocol === "https:" ? "https" : "http";
  const apiHost = `${url.host}${url.pathname.replace(/\/+$/, "")}/v1`;
  return {
    integrations: {
      [PIPELINES_INTEGRATION]: { apiKey: writeKey, apiHost, protocol },
    },
    plan: { track: { __default: { enabled: true, integrations: {} } }, identify: { __default: { enabled: true } }, group: { __default: { enabled: true } } },
    middlewareSettings: {},
    enabledMiddleware: {},
    // No sampling: the SDK would otherwise post its own usage metrics to the vendor's host.
    metrics: { sampleRate: 0 },
    remotePlugins: [],
    legacyVideoPluginsEnabled: false,
  };
}
