// The official TypeScript SDK v2 client (@modelcontextprotocol/client) against our /mcp on the
// 2026-07-28 wire: no session, the _meta envelope on every request, and delete_user's confirmation
// through Multi Round-Trip Requests (the SDK answers the input_required result with the elicitation
// handler below and retries with inputResponses and the echoed requestState).
// Prints one JSON object with what it saw; Ts2ClientIT asserts on it. Exits non-zero on any failure.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";

const url = new URL(process.argv[2]);
const email = process.argv[3];
const token = process.argv[4];

const client = new Client({ name: "ts-sdk-v2-interop", version: "1.0.0" }, {
  capabilities: { elicitation: {} },
  versionNegotiation: { mode: { pin: "2026-07-28" } },
});
// what the "person" answers next: the script declines once, then accepts
let answer = "decline";
const asked = [];
client.setRequestHandler("elicitation/create", async (request) => {
  asked.push(request.params.message);
  return answer === "accept" ? { action: "accept", content: { confirm: true } } : { action: answer };
});
const transport = new StreamableHTTPClientTransport(url,
  token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : undefined);
await client.connect(transport);

const report = {
  era: client.getProtocolEra(),
  protocolVersion: client.getNegotiatedProtocolVersion(),
  sessionId: transport.sessionId ?? null,
  tools: [],
  pages: 0,
};
let cursor;
do {
  const page = await client.listTools(cursor ? { cursor } : {});
  report.tools.push(...page.tools.map((t) => t.name));
  report.pages++;
  cursor = page.nextCursor;
} while (cursor);

const added = await client.callTool({
  name: "add_user",
  arguments: { name: "Vera", surname: "Two", email, about_me: "Added by the TypeScript SDK v2 on 2026-07-28" },
});
report.added = added.structuredContent;
const id = added.structuredContent.id;
report.gotEmail = (await client.callTool({ name: "get_user_by_id", arguments: { id } })).structuredContent.email;
report.searchCount = (await client.callTool({ name: "search_users", arguments: { email } })).structuredContent.count;
const updated = await client.callTool({ name: "update_user", arguments: { id, new_info: { company: "TS2 Inc" } } });
report.updatedCompany = updated.structuredContent.company;

const declined = await client.callTool({ name: "delete_user", arguments: { id } });
report.declineText = declined.content[0].text;
report.stillThereAfterDecline = (await client.callTool({ name: "get_user_by_id", arguments: { id } })).isError !== true;

answer = "accept";
const deleted = await client.callTool({ name: "delete_user", arguments: { id } });
report.deleteText = deleted.content[0].text;
report.goneAfterAccept = (await client.callTool({ name: "get_user_by_id", arguments: { id } })).isError === true;
report.asked = asked;

await client.close();
console.log(JSON.stringify(report));
