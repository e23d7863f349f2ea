// A 2026-07-28 peer written with the official TypeScript SDK v2 (@modelcontextprotocol/server):
// a modern-only, stateless server on loopback whose tools the Java client must list and call.
// `confirm_delete` asks for input with a Multi Round-Trip Request (an elicitation in inputRequests
// plus a requestState the client must echo). Usage: node ts2-server.mjs PORT; it prints
// "listening <url>" once it serves.
import http from "node:http";
import { McpServer, createMcpHandler, inputRequired, inputResponse } from "@modelcontextprotocol/server";
import * as z from "zod";

const port = Number(process.argv[2] ?? 0);

function newServer() {
  const server = new McpServer({ name: "ts2-peer", version: "2.4.0" });
  server.registerTool("echo", {
    description: "Echoes its text back",
    inputSchema: z.object({ text: z.string() }),
  }, async ({ text }) => ({ content: [{ type: "text", text: `echo: ${text}` }] }));

  server.registerTool("confirm_delete", {
    description: "Deletes a record after the person confirms it (asks through a Multi Round-Trip Request)",
    inputSchema: z.object({ id: z.string() }),
  }, async ({ id }, ctx) => {
    const answer = inputResponse(ctx.mcpReq.inputResponses, "confirm");
    if (answer.kind !== "elicit") {
      return inputRequired({
        inputRequests: {
          confirm: inputRequired.elicit({
            message: `Delete record ${id}?`,
            requestedSchema: z.object({ confirm: z.boolean().describe("Yes, delete it") }),
          }),
        },
        requestState: `delete:${id}`,
      });
    }
    const state = ctx.mcpReq.requestState(); // the string the client echoed
    if (answer.action === "accept" && answer.content?.confirm === true) {
      return { content: [{ type: "text", text: `deleted ${id} (state ${state})` }] };
    }
    return { content: [{ type: "text", text: `kept ${id}: ${answer.action}` }] };
  });
  return server;
}

const handler = createMcpHandler(() => newServer(), { legacy: "reject" });

// node:http in front of the web-standard handler: loopback only, bodies as they come
const httpServer = http.createServer(async (req, res) => {
  try {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
    const request = new Request(`http://127.0.0.1:${httpServer.address().port}${req.url}`,
      { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : body });
    const response = await handler.fetch(request);
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    if (response.body) {
      for await (const chunk of response.body) res.write(chunk);
    }
    res.end();
  } catch (e) {
    res.writeHead(500, { "Content-Type": "text/plain" });
    res.end(String(e));
  }
});
httpServer.listen(port, "127.0.0.1", () => {
  console.log(`listening http://127.0.0.1:${httpServer.address().port}/mcp`);
});
