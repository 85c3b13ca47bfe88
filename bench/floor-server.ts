// The floor for bench/ingest: a bare node:http server that reads the body, parses the JSON
// and answers like Switchyard does, storing nothing. Switchyard cannot be faster than this.
import { createServer } from "node:http";

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { batch?: unknown[] };
    const text = JSON.stringify({ success: true, accepted: body.batch?.length ?? 1, duplicates: 0 });
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
    res.end(text);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
