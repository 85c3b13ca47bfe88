import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** A file of the browser SDK, ready to send. */
export type SdkAsset = {
  body: Buffer;
  gzip: Buffer;
  etag: string;
};

const PACKAGE = "@customerio/cdp-analytics-browser";

/** The bundles a page loads first; each sets where its lazily loaded chunks live. */
export type SdkEntry = "standalone" | "library";

/**
 * Each entry computes its chunks' location as `<cdn> + <suffix>`; we add the SDK's version to
 * the suffix so chunk URLs are versioned and can be cached for good.
 */
const PUBLIC_PATH_SUFFIX: Record<SdkEntry, { file: string; suffix: string }> = {
  standalone: { file: "standalone.js", suffix: "/v1/analytics-js/" },
  library: { file: "index.js", suffix: "/analytics-next/bundles/" },
};

/**
 * The files of @customerio/cdp-analytics-browser's browser build (dist/umd), read once and
 * gzipped once, on first use.
 */
export class SdkAssets {
  readonly version: string;
  private readonly dir: string;
  private readonly files: Set<string>;
  private readonly cache = new Map<string, SdkAsset>();
  /** Entries whose chunk location could not be versioned (an SDK build of another shape). */
  readonly unversioned = new Set<SdkEntry>();

  constructor(packageDir = path.dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`))) {
    this.version = (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version;
    this.dir = path.join(packageDir, "dist", "umd");
    this.files = new Set(readdirSync(this.dir).filter((name) => /^[\w.-]+\.js$/.test(name)));
  }

  /** The chunk files (every file but the two entries). */
  chunkNames(): string[] {
    return [...this.files].filter((name) => name !== "standalone.js" && name !== "index.js").sort();
  }

  /** An entry bundle, pointing its chunks at `<suffix><version>/`. */
  entry(kind: SdkEntry): SdkAsset {
    const key = `entry:${kind}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const { file, suffix } = PUBLIC_PATH_SUFFIX[kind];
    const source = readFileSync(path.join(this.dir, file), "utf8");
    const needle = `+"${suffix}"`;
    const at = source.indexOf(needle);
    let text = source;
    if (at >= 0 && source.indexOf(needle, at + 1) < 0) {
      text = `${source.slice(0, at)}+"${suffix}${this.version}/"${source.slice(at + needle.length)}`;
    } else {
      this.unversioned.add(kind);
      console.warn(`${PACKAGE} ${this.version}: cannot version the chunk location of ${file}; chunks are served unversioned`);
    }
    return this.remember(key, Buffer.from(text, "utf8"));
  }

  /** A lazily loaded chunk by file name, or null when the SDK has no such file. */
  chunk(name: string): SdkAsset | null {
    if (!this.files.has(name) || name === "standalone.js" || name === "index.js") return null;
    const key = `chunk:${name}`;
    return this.cache.get(key) ?? this.remember(key, readFileSync(path.join(this.dir, name)));
  }

  private remember(key: string, body: Buffer): SdkAsset {
    const asset = {
      body,
      gzip: gzipSync(body, { level: 9 }),
      etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    };
    this.cache.set(key, asset);
    return asset;
  }
}
