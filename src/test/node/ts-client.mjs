// The official TypeScript SDK client against our server: connect, list (following cursors), call, terminate.
// Prints one JSON object with what it saw; SdkInteropIT asserts on it. Exits non-zero on any failure.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const url = new URL(process.argv[2]);
const email = process.argv[3];
// deleting needs the person's confirmation (the server refuses clients that cannot ask): this one always confirms
const client = new Client({ name: "ts-sdk-interop", version: "1.0.0" }, { capabilities: { elicitation: {} } });
client.setRequestHandler(ElicitRequestSchema, async () => ({ action: "accept", content: { confirm: true } }));
// an access token, when given, goes on every request (issue 10: a token from Keycloak's client credentials grant)
const token = process.argv[4];
const transport = new StreamableHTTPClientTransport(url,
  token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : undefined);
await client.connect(transport);

const report = { sessionId: transport.sessionId, protocolVersion: transport.protocolVersion, tools: [], pages: 0 };
let cursor;
do {
  const page = await client.listTools(cursor ? { cursor } : {});
  report.tools.push(...page.tools.map((t) => t.name));
  report.pages++;
  cursor = page.nextCursor;
} while (cursor);

const added = await client.callTool({
  name: "add_user",
  arguments: { name: "Tess", surname: "Script", email, about_me: "Added by the TypeScript SDK" },
});
report.added = added.structuredContent;
const id = added.structuredContent.id;
const got = await client.callTool({ name: "get_user_by_id", arguments: { id } });
report.gotEmail = got.structuredContent.email;
const found = await client.callTool({ name: "search_users", arguments: { email } });
report.searchCount = found.structuredContent.count;
const updated = await client.callTool({ name: "update_user", arguments: { id, new_info: { company: "TS Inc" } } });
report.updatedCompany = updated.structuredContent.company;
const deleted = await client.callTool({ name: "delete_user", arguments: { id } });
report.deleteText = deleted.content[0].text;
const gone = await client.callTool({ name: "get_user_by_id", arguments: { id } });
report.goneIsError = gone.isError === true;
const wrongTypes = await client.callTool({ name: "get_user_by_id", arguments: { id: "x" } });
report.wrongTypesIsError = wrongTypes.isError === true;

await transport.terminateSession();
report.terminated = transport.sessionId === undefined;
await client.close();
console.log(JSON.stringify(report));
