// The official TypeScript SDK client against the product server's newer powers: elicitation on
// delete_user (accept and decline), progress from search_users, the users://{id} resource, the
// find_or_add_user prompt, cancellation before the tool acts, and a stream cut mid-call that is
// resumed with Last-Event-ID. Prints one JSON report; SdkInteropIT asserts on it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const url = new URL(process.argv[2]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const report = { errors: [], resumeRequests: [] };

// A fetch that can cut one POST stream right after its priming event, like a flaky network would.
let cutNextStream = false;
async function cuttingFetch(input, init) {
  const res = await fetch(input, init);
  const method = init?.method ?? "GET";
  if (method === "GET" && init?.headers && new Headers(init.headers).get("last-event-id")) {
    report.resumeRequests.push(new Headers(init.headers).get("last-event-id"));
  }
  if (cutNextStream && method === "POST" && res.headers.get("content-type")?.includes("text/event-stream")) {
    cutNextStream = false;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("\n\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await reader.cancel(); // the connection drops here
    const priming = text.slice(0, text.indexOf("\n\n") + 2);
    report.cutAfter = priming;
    const body = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(priming)); c.close(); } });
    return new Response(body, { status: res.status, headers: res.headers });
  }
  return res;
}

let answer = "accept";
const elicitations = [];
const client = new Client({ name: "ts-sdk-product", version: "1.0.0" }, { capabilities: { elicitation: {} } });
client.onerror = (e) => report.errors.push(String(e));
client.setRequestHandler(ElicitRequestSchema, async (request) => {
  elicitations.push(request.params);
  if (answer === "hang") {
    await sleep(2000);
    return { action: "accept", content: { confirm: true } };
  }
  return answer === "accept" ? { action: "accept", content: { confirm: true } } : { action: answer };
});
const transport = new StreamableHTTPClientTransport(url, { fetch: cuttingFetch });
await client.connect(transport);

const addUser = async (email) =>
  (await client.callTool({ name: "add_user", arguments: { name: "Eli", surname: "Cit", email, about_me: "test" } }))
    .structuredContent.id;
const exists = async (id) => (await client.callTool({ name: "get_user_by_id", arguments: { id } })).isError !== true;

// elicitation: decline keeps the user, accept deletes it
const id1 = await addUser("eli.confirm@example.org");
answer = "decline";
report.declineText = (await client.callTool({ name: "delete_user", arguments: { id: id1 } })).content[0].text;
report.existsAfterDecline = await exists(id1);
answer = "accept";
report.acceptText = (await client.callTool({ name: "delete_user", arguments: { id: id1 } })).content[0].text;
report.existsAfterAccept = await exists(id1);
report.elicitationMessages = elicitations.map((e) => e.message);
report.elicitationSchema = elicitations[0]?.requestedSchema;

// progress from a large search
const progress = [];
const all = await client.callTool({ name: "search_users", arguments: {} }, undefined, { onprogress: (p) => progress.push(p) });
report.progress = progress;
report.searchCount = all.structuredContent.count;

// resources and prompts
report.templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
report.resource = (await client.readResource({ uri: "users://1" })).contents[0];
try {
  await client.readResource({ uri: "users://999999" });
} catch (e) {
  report.missingResourceError = e.code;
}
report.prompts = (await client.listPrompts()).prompts.map((p) => p.name);
report.promptText = (await client.getPrompt({ name: "find_or_add_user", arguments: { name: "Arkadiy", surname: "Dobkin" } }))
  .messages[0].content.text;

// cancellation while the tool waits for its confirmation: nothing is deleted, even by a late answer
const id2 = await addUser("eli.cancel@example.org");
answer = "hang";
const before = elicitations.length;
const controller = new AbortController();
const pending = client.callTool({ name: "delete_user", arguments: { id: id2 } }, undefined, { signal: controller.signal });
for (let i = 0; i < 100 && elicitations.length === before; i++) await sleep(50);
controller.abort("changed my mind");
try {
  await pending;
  report.cancelled = false;
} catch (e) {
  report.cancelled = true;
}
await sleep(2500); // past the moment the hanging handler answers "accept"
report.existsAfterCancel = await exists(id2);

// a stream cut mid-call resumes with Last-Event-ID and the result arrives once
cutNextStream = true;
const resumed = await client.callTool({
  name: "add_user",
  arguments: { name: "Res", surname: "Umed", email: "res.umed@example.org", about_me: "survived a cut" },
});
report.resumedEmail = resumed.structuredContent?.email;
report.resumedCount = (await client.callTool({ name: "search_users", arguments: { email: "res.umed@example.org" } }))
  .structuredContent.count;

await transport.terminateSession();
await client.close();
console.log(JSON.stringify(report));
