'use strict';
// The chat page: conversations, a streamed message view with tool cards and elicitation dialogs,
// and a tools console that works without any LLM. Plain DOM, no build step.
const $ = (id) => document.getElementById(id);
let current = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v; else if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
  }
  children.forEach((c) => node.append(c));
  return node;
}

async function api(method, path, body) {
  const res = await fetch('api/' + path, {
    method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  await signInIfNeeded(res);
  if (!res.ok) throw new Error(await errorOf(res));
  return res.status === 204 ? null : res.json();
}

// A POST answered as a stream of events (read with readEvents): a chat message, a console call.
async function stream(path, body) {
  const res = await fetch('api/' + path, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' }, body: JSON.stringify(body),
  });
  await signInIfNeeded(res);
  return res;
}

// Set when the sign-out form is sent: the session ends at once, so fetches still in flight answer
// 401, and sending the page to sign in then would cancel the way to the provider's logout.
let signingOut = false;
document.addEventListener('submit', (e) => { if (e.target.id === 'account') signingOut = true; });

// The API answers 401 with where to sign in; the page goes there and comes back here afterwards.
async function signInIfNeeded(res) {
  if (res.status !== 401) return;
  if (signingOut) await new Promise(() => {}); // the page is leaving for the provider's logout
  let login = '/auth/login';
  try { login = (await res.clone().json()).login || login; } catch (e) { /* the default */ }
  location.assign(login + '?return=' + encodeURIComponent(location.pathname + location.search));
  await new Promise(() => {}); // the page is leaving: nothing after this should run
}

// Who is signed in, and the sign-out control; nothing of it without identity.
async function loadAccount() {
  const me = await api('GET', 'me');
  $('account').hidden = !me.identity;
  if (me.identity) {
    $('who').textContent = me.name + (me.roles.length ? ' (' + me.roles.filter((r) => r.startsWith('user-')).join(', ') + ')' : '');
  }
}

async function errorOf(res) {
  try { return (await res.json()).error || 'HTTP ' + res.status; } catch (e) { return 'HTTP ' + res.status; }
}

// ---- conversations ----
async function loadConversations() {
  const list = await api('GET', 'conversations');
  const ul = $('conversations');
  ul.replaceChildren();
  list.forEach((c) => {
    const remove = el('button', { type: 'button', title: 'Delete', text: '✕' });
    remove.onclick = async (e) => { e.stopPropagation(); await api('DELETE', 'conversations/' + c.id); if (current === c.id) current = null; refresh(); };
    const li = el('li', { class: c.id === current ? 'current' : '' }, el('span', { text: c.title }), remove);
    li.onclick = () => open(c.id);
    ul.append(li);
  });
}

async function open(id) {
  current = id;
  const c = await api('GET', 'conversations/' + id);
  const box = $('messages');
  box.replaceChildren();
  const cards = {};
  c.messages.forEach((m) => {
    if (m.role === 'user') addMessage('user', m.content);
    else if (m.role === 'assistant') {
      if (m.content) addMessage('assistant', m.content);
      (m.tool_calls || []).forEach((t) => { cards[t.id] = addToolCard('', t.function.name, safeParse(t.function.arguments)); });
    } else if (m.role === 'tool' && cards[m.tool_call_id]) fillToolCard(cards[m.tool_call_id], m.content.startsWith('Error: '), m.content);
  });
  loadConversations();
}

function safeParse(text) { try { return JSON.parse(text); } catch (e) { return text; } }

function addMessage(role, text) {
  const div = el('div', { class: 'msg ' + role, text });
  $('messages').append(div);
  $('messages').scrollTop = $('messages').scrollHeight;
  return div;
}

function addToolCard(server, name, args) {
  const card = el('details', { class: 'tool' },
    el('summary', { text: 'Tool ' + (server ? server + ' · ' : '') + name + ' …' }),
    el('pre', { class: 'arguments', text: JSON.stringify(args, null, 2) }));
  $('messages').append(card);
  return card;
}

function fillToolCard(card, isError, text) {
  card.querySelector('summary').textContent = card.querySelector('summary').textContent.replace(' …', isError ? ' ✗' : ' ✓');
  if (isError) card.classList.add('failed');
  card.append(el('pre', { class: 'tool-result', text }));
}

async function send(text) {
  if (!current) current = (await api('POST', 'conversations', {})).id;
  const question = addMessage('user', text);
  let answer = null;
  const pending = [];
  const conversation = current;
  const res = await stream('conversations/' + conversation + '/messages', { content: text });
  if (!res.ok) {
    if (res.status === 409) { question.remove(); $('input').value = text; } // not taken: keep it for later
    addMessage('error', await errorOf(res));
    return;
  }
  await readEvents(res.body, (name, data) => {
    if (name === 'delta') { answer = answer || addMessage('assistant', ''); answer.textContent += data.text; }
    else if (name === 'tool_call') { answer = null; pending.push(addToolCard(data.server, data.name, data.arguments)); }
    else if (name === 'tool_result') {
      const card = pending.find((c) => c.querySelector('summary').textContent.includes(data.name + ' …')) || addToolCard(data.server, data.name, {});
      fillToolCard(card, data.isError, data.text);
    } else if (name === 'elicitation') elicit(data, 'conversations/' + conversation + '/elicitations/', (m) => addMessage('error', m));
    else if (name === 'elicitation_closed') withdraw(data, (m) => addMessage('error', m));
    else if (name === 'sign_in') askToSignIn(data);
    else if (name === 'sign_in_closed') signInClosed(data);
    else if (name === 'error') addMessage('error', data.message);
  });
  loadConversations();
}

// ---- an MCP server that needs the person to sign in: its provider's page opens in a new tab ----
function askToSignIn(data) {
  // a plain link to a new tab: no script involved, so no popup blocker stands in the way
  const button = el('a', { class: 'sign-in-server button', href: data.url, target: '_blank', rel: 'noopener noreferrer',
    'data-server': data.server, text: 'Sign in to ' + data.server });
  const box = el('div', { class: 'msg sign-in', id: 'sign-in-' + data.id },
    el('span', { text: 'The MCP server ' + data.server + ' needs you to sign in. ' }), button);
  $('messages').append(box);
  $('messages').scrollTop = $('messages').scrollHeight;
}

function signInClosed(data) {
  const box = $('sign-in-' + data.id);
  if (box) box.replaceChildren(el('span', { class: 'sign-in-outcome', text: data.outcome }));
}

// A hand-rolled SSE reader: EventSource cannot POST.
async function readEvents(body, onEvent) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      let name = 'message'; const data = [];
      block.split(/\r?\n/).forEach((line) => {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      });
      if (data.length) onEvent(name, safeParse(data.join('\n')));
    }
  }
}

// ---- elicitation: a form generated from the requested schema ----
function fieldsFor(schema, container) {
  container.replaceChildren();
  const required = new Set(schema.required || []);
  Object.entries(schema.properties || {}).forEach(([key, prop]) => {
    let input;
    const options = prop.enum || (prop.oneOf || []).map((o) => o.const);
    if (prop.type === 'boolean') {
      input = el('input', { type: 'checkbox', name: key });
      if (prop.default === true) input.checked = true;
    } else if (options.length) {
      input = el('select', { name: key });
      options.forEach((o) => input.append(el('option', { value: o, text: o })));
      if (prop.default !== undefined) input.value = prop.default;
    } else {
      input = el('input', { name: key, type: prop.type === 'number' || prop.type === 'integer' ? 'number' : 'text' });
      if (prop.default !== undefined) input.value = prop.default;
    }
    input.dataset.type = prop.type || 'string';
    if (required.has(key) && prop.type !== 'boolean') input.required = true;
    container.append(el('label', {}, (prop.title || key) + (required.has(key) ? ' *' : '') + ' ', input));
  });
}

function readFields(container) {
  const content = {};
  container.querySelectorAll('[name]').forEach((input) => {
    const type = input.dataset.type;
    if (type === 'boolean') content[input.name] = input.checked;
    else if (input.value === '') return;
    else if (type === 'number') content[input.name] = parseFloat(input.value);
    else if (type === 'integer') content[input.name] = parseInt(input.value, 10);
    else content[input.name] = input.value;
  });
  return content;
}

// The server stopped waiting for this question: close its dialog without answering.
function withdraw(data, report) {
  const dialog = $('elicitation');
  if (dialog.open && dialog.dataset.id === data.id) {
    dialog.onclose = null;
    dialog.close('withdrawn');
    report('The question was withdrawn: ' + data.reason);
  }
}

// Shows a server's question; the answer goes to answers + id (the chat's or the console's endpoint).
function elicit(data, answers, report) {
  const dialog = $('elicitation');
  dialog.dataset.id = data.id;
  $('elicitation-message').textContent = data.message;
  fieldsFor(data.requestedSchema || {}, $('elicitation-fields'));
  dialog.onclose = async () => {
    const action = dialog.returnValue || 'cancel';
    const body = { action };
    if (action === 'accept') body.content = readFields($('elicitation-fields'));
    try { await api('POST', answers + data.id, body); } catch (e) { report(e.message); }
  };
  dialog.returnValue = '';
  dialog.showModal();
}

// ---- tools console ----
async function loadTools() {
  const box = $('servers');
  box.replaceChildren(el('p', { text: 'Loading tools…' }));
  try {
    const status = await api('GET', 'tools');
    $('llm-missing').hidden = status.llmConfigured;
    box.replaceChildren();
    status.servers.forEach((s) => {
      const section = el('div', { class: 'server' }, el('h2', { text: s.name + (s.available ? '' : ' (unavailable)') }), el('small', { text: s.url }));
      if (!s.available) section.append(el('p', { class: 'result failed', text: s.error }));
      s.tools.forEach((t) => section.append(toolForm(s.name, t)));
      box.append(section);
    });
  } catch (e) {
    box.replaceChildren(el('p', { class: 'result failed', text: e.message }));
  }
}

function toolForm(server, tool) {
  const fields = el('div');
  const schema = tool.inputSchema || {};
  const simple = Object.values(schema.properties || {}).every((p) => ['string', 'number', 'integer', 'boolean'].includes(p.type));
  let raw = null;
  if (simple) fieldsFor(schema, fields);
  else { raw = el('textarea', { rows: 6, name: '__json' }); raw.value = '{}'; fields.append(el('label', {}, 'Arguments (JSON)', raw)); }
  const result = el('div', { class: 'result', hidden: '' });
  const button = el('button', { type: 'submit', text: 'Call ' + tool.name });
  const form = el('form', {}, el('p', { text: tool.description || '' }), fields, button, result);
  const showResult = (failed, text) => { result.className = 'result' + (failed ? ' failed' : ''); result.textContent = text; result.hidden = false; };
  // No confirm() of our own for destructive tools: the session declares elicitation, so a server
  // that wants a confirmation (our delete_user) asks in the dialog, and clicking "Call" is the intent.
  form.onsubmit = async (e) => {
    e.preventDefault();
    let args;
    try { args = raw ? JSON.parse(raw.value) : readFields(fields); } catch (err) { showResult(true, 'Not JSON: ' + err.message); return; }
    button.disabled = true;
    showResult(false, 'Calling ' + tool.name + '…');
    try {
      const res = await stream('tools/' + encodeURIComponent(server) + '/' + encodeURIComponent(tool.name), args);
      if (!res.ok) { showResult(true, await errorOf(res)); return; }
      const report = (m) => showResult(true, m);
      await readEvents(res.body, (name, data) => {
        if (name === 'elicitation') elicit(data, 'tools/elicitations/', report);
        else if (name === 'elicitation_closed') withdraw(data, report);
        else if (name === 'error') showResult(true, data.message);
        else if (name === 'result') {
          showResult(data.isError, data.text + (data.structuredContent ? '\n\nstructuredContent:\n' + JSON.stringify(data.structuredContent, null, 2) : ''));
        }
      });
    } catch (err) {
      showResult(true, err.message);
    } finally {
      button.disabled = false;
    }
  };
  return el('details', { class: 'tool-console', 'data-tool': tool.name }, el('summary', { text: (tool.title || tool.name) + ' — ' + tool.name }), form);
}

// ---- wiring ----
function show(view) {
  $('chat-view').hidden = view !== 'chat';
  $('tools-view').hidden = view !== 'tools';
  $('tab-chat').classList.toggle('active', view === 'chat');
  $('tab-tools').classList.toggle('active', view === 'tools');
  if (view === 'tools') loadTools();
}

async function refresh() {
  await loadConversations();
  if (current) open(current); else $('messages').replaceChildren();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('tab-chat').onclick = () => show('chat');
  $('tab-tools').onclick = () => show('tools');
  $('new-conversation').onclick = async () => { current = (await api('POST', 'conversations', {})).id; refresh(); };
  $('composer').onsubmit = async (e) => {
    e.preventDefault();
    const text = $('input').value.trim();
    if (!text) return;
    $('input').value = '';
    $('send').disabled = true;
    try { await send(text); } catch (err) { addMessage('error', err.message); } finally { $('send').disabled = false; }
  };
  $('input').addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('composer').requestSubmit(); } });
  await loadAccount();
  try {
    const status = await api('GET', 'tools');
    $('llm-missing').hidden = status.llmConfigured;
  } catch (e) { /* the console shows it */ }
  refresh();
});
