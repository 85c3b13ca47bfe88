import { gunzip, inflate } from "node:zlib";
import { promisify } from "node:util";
import type { IncomingMessage } from "node:http";
import { IngestError } from "./errors";

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);
const utf8 = new TextDecoder("utf-8", { fatal: true });
/**
 * JSON bodies arrive as application/json (server SDKs), text/plain (browsers, to avoid a CORS
 * preflight) and, from `curl -d` without a header, as form-urlencoded: all are parsed as JSON.
 */
const ACCEPTED_TYPES = new Set(["", "application/json", "text/plain", "application/x-www-form-urlencoded"]);

function tooLarge(limit: number): IngestError {
  return new IngestError(413, "payload_too_large", `Request body is larger than ${Math.round(limit / 1024)} KB`);
}

async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

async function decompress(body: Buffer, encoding: string | undefined, limit: number): Promise<Buffer> {
  const name = (encoding ?? "identity").trim().toLowerCase();
  if (name === "identity" || name === "") return body;
  if (name !== "gzip" && name !== "deflate") {
    throw new IngestError(415, "unsupported_encoding", `Content-Encoding "${name}" is not supported; use gzip, deflate or none`);
  }
  try {
    const options = { maxOutputLength: limit };
    return name === "gzip" ? await gunzipAsync(body, options) : await inflateAsync(body, options);
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(limit);
    throw new IngestError(400, "invalid_encoding", `Body is not valid ${name} data`);
  }
}

/**
 * Reads a request body as JSON within `limit` bytes (after decompression), refusing invalid
 * UTF-8 rather than silently replacing it. Answers with an IngestError for every bad input.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const contentType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (!ACCEPTED_TYPES.has(contentType) && !contentType.endsWith("+json")) {
    throw new IngestError(415, "unsupported_media_type", `Content-Type "${contentType}" is not supported; send application/json or text/plain`);
  }
  const raw = await readRaw(req, limit);
  const body = await decompress(raw, req.headers["content-encoding"], limit);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new IngestError(400, "invalid_utf8", "Body is not valid UTF-8");
  }
  if (text.trim() === "") throw new IngestError(400, "empty_body", "Body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IngestError(400, "invalid_json", `Body is not valid JSON: ${(error as Error).message}`);
  }
}
