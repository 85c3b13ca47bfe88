// A local stand-in for a destination's API for bench/delivery: reads each request and answers
// 200 the way Mixpanel's /import does, counting the events it received.
import { createServer } from "node:http";

let events = 0;
/** How long the sink takes to answer each request, as a real API across a network does. */
const latencyMs = Number(process.env.SINK_LATENCY_MS ?? 0);
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    if (req.url === "/count") {
      res.end(JSON.stringify({ events }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    events += Array.isArray(body) ? body.length : 1;
    const answer = () => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"code":200,"num_records_imported":1,"status":"OK"}');
    };
    if (latencyMs > 0) setTimeout(answer, latencyMs);
    else answer();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening on ${typeof address === "object" && address ? address.port : ""}`);
});
