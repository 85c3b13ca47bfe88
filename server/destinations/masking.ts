export const MASK = "••••";

/** Secrets shorter than this show no characters at all once masked. */
const MIN_LENGTH_TO_SHOW_TAIL = 12;

/**
 * Masks one secret value for display: `••••` plus at most its last 4 characters (none for short
 * secrets). A URL keeps its origin (`https://hooks.slack.com/••••Xy12`) so the user can tell
 * which endpoint it is without seeing the token in its path.
 */
export function maskSecretValue(value: string): string {
  const tail = value.length >= MIN_LENGTH_TO_SHOW_TAIL ? value.slice(-4) : "";
  const origin = urlOrigin(value);
  return origin ? `${origin}/${MASK}${tail}` : `${MASK}${tail}`;
}

function urlOrigin(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.pathname.length > 1 || url.search ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Replaces every occurrence of each secret in `text`, also in the forms it takes inside a JSON
 * string, a URL or a form body, so a secret never reaches the delivery log.
 */
export function maskSecretsInText(text: string, secrets: readonly string[]): string {
  let masked = text;
  const longestFirst = [...new Set(secrets)].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of longestFirst) {
    const replacement = maskSecretValue(secret);
    for (const form of encodedForms(secret)) {
      if (masked.includes(form)) masked = masked.split(form).join(replacement);
    }
  }
  return masked;
}

function encodedForms(secret: string): string[] {
  const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
  return [...new Set(forms)];
}

const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$/i;
const SECRET_HEADER_NAME = /api[-_]?key|token|secret|password/i;

/**
 * Masks credential headers by name (`Authorization: Basic ••••`, `api-key: ••••`) and any
 * secret value appearing in other headers.
 */
export function maskHeaders(headers: Record<string, string>, secrets: readonly string[]): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (CREDENTIAL_HEADER.test(name)) {
      const scheme = /^(Basic|Bearer|Token|Klaviyo-API-Key)\s/i.exec(value)?.[1];
      masked[name] = scheme ? `${scheme} ${MASK}` : MASK;
    } else if (SECRET_HEADER_NAME.test(name)) {
      masked[name] = MASK;
    } else {
      masked[name] = maskSecretsInText(value, secrets);
    }
  }
  return masked;
}
