// An OAuth-protected MCP server written with the official TypeScript SDK v1 (@modelcontextprotocol/sdk),
// for AgentOAuthIT: it accepts only Keycloak access tokens (signature through the realm's JWKS,
// issuer, audience = its own resource URL), publishes RFC 9728 protected resource metadata naming
// Keycloak, answers anything else with 401 and WWW-Authenticate: Bearer resource_metadata=..., and
// has one tool, read_note, whose answer names the person the token was issued for.
// Usage: node ts-protected-server.mjs PORT ISSUER; prints "listening <url>" once it serves, and
// "accepted <username> <last 32 characters of the token>" for every token it accepts.
import express from "express";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { mcpAuthMetadataRouter, getOAuthProtectedResourceMetadataUrl } from "@modelcontextprotocol/sdk/server/auth/router.js";
import { InvalidTokenError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { createRemoteJWKSet, jwtVerify } from "jose";

const port = Number(process.argv[2] ?? 18190);
const issuer = process.argv[3] ?? "http://localhost:18180/realms/mcp";
const resource = new URL(`http://localhost:${port}/mcp`);

const oauthMetadata = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
const jwks = createRemoteJWKSet(new URL(oauthMetadata.jwks_uri));

const verifier = {
  async verifyAccessToken(token) {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer, audience: resource.href, algorithms: ["RS256", "ES256", "PS256"] }));
    } catch (e) {
      throw new InvalidTokenError(`token refused: ${e.code ?? e.message}`);
    }
    console.log(`accepted ${payload.preferred_username ?? payload.sub} ${token.slice(-32)}`);
    return {
      token,
      clientId: String(payload.azp ?? ""),
      scopes: String(payload.scope ?? "").split(" ").filter(Boolean),
      expiresAt: payload.exp,
      resource, // jwtVerify checked the audience already
      extra: { username: payload.preferred_username ?? payload.sub },
    };
  },
};

function newServer(username) {
  const server = new McpServer({ name: "ts-protected", version: "1.32.2" });
  server.registerTool("read_note", {
    description: "Reads the signed-in person's note from the protected notes server",
    inputSchema: {},
  }, async () => ({ content: [{ type: "text", text: `Note for ${username}: the quarterly review is on Friday.` }] }));
  return server;
}

const app = express();
app.use(express.json());
app.use(mcpAuthMetadataRouter({ oauthMetadata, resourceServerUrl: resource, resourceName: "Protected notes (test)" }));
const auth = requireBearerAuth({ verifier, resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(resource), expectedResource: resource });

// stateless: a new server and transport per request, as the SDK's examples do
app.post("/mcp", auth, async (req, res) => {
  const server = newServer(req.auth.extra.username);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on("close", () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.get("/mcp", auth, (req, res) => res.status(405).set("Allow", "POST").end());
app.delete("/mcp", auth, (req, res) => res.status(405).set("Allow", "POST").end());

const listener = app.listen(port, "127.0.0.1", () => {
  console.log(`listening ${resource.href}`);
});
process.on("SIGTERM", () => listener.close(() => process.exit(0)));
