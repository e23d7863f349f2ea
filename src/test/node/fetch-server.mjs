// A second MCP server for the agent tests, written with the official TypeScript SDK: one tool,
// `fetch`, that returns a canned web page (the tests have no internet). `delay_ms` makes it slow, so
// the tests can see parallel calls overlap. Listens on PORT.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { createServer } from "node:http";
import { z } from "zod";

const PAGE = `Arkadiy Dobkin is the co-founder, chairman and CEO of EPAM Systems, a software engineering company
he started in 1993 in Princeton, New Jersey. He was born in Minsk and studied electrical engineering.`;

function newServer() {
  const server = new McpServer({ name: "canned-fetch", version: "1.0.0" });
  server.registerTool("fetch", {
    description: "Fetches a web page and returns its text",
    inputSchema: { url: z.string().describe("The URL to fetch"), delay_ms: z.number().optional().describe("Test only: delay") },
  }, async ({ url, delay_ms }) => {
    if (delay_ms) await new Promise((r) => setTimeout(r, delay_ms));
    return { content: [{ type: "text", text: `Contents of ${url}:\n${PAGE}` }] };
  });
  return server;
}

createServer(async (req, res) => {
  if (req.method !== "POST") { res.writeHead(405).end(); return; }
  let body = "";
  for await (const chunk of req) body += chunk;
  const server = newServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on("close", () => { transport.close(); server.close(); });
  await server.connect(transport);
  await transport.handleRequest(req, res, JSON.parse(body));
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("fetch server listening on " + process.env.PORT));
