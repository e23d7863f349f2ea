-- wrk script for bench/run.sh: POSTs one MCP JSON-RPC request, again and again, with a fresh id each time.
-- Environment:
--   BENCH_METHOD   tools/call | tools/list | initialize
--   BENCH_SESSION  the Mcp-Session-Id to send (not sent when empty, e.g. for initialize)
--   BENCH_TOOL     the tool tools/call calls (default test_simple_text)
-- done() prints one machine-readable line: "BENCH requests=.. seconds=.. rps=.. p50_ms=.. p99_ms=.. non2xx=.. errors=.."

local method  = os.getenv("BENCH_METHOD") or "tools/call"
local session = os.getenv("BENCH_SESSION") or ""
local tool    = os.getenv("BENCH_TOOL") or "test_simple_text"

local headers = {
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json, text/event-stream",
  ["MCP-Protocol-Version"] = "2025-11-25",
}
if session ~= "" and method ~= "initialize" then
  headers["Mcp-Session-Id"] = session
end

local params
if method == "tools/call" then
  params = ',"params":{"name":"' .. tool .. '","arguments":{}}}'
elseif method == "initialize" then
  params = ',"params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"wrk","version":"1.0"}}}'
else
  params = '}'
end
local prefix = '{"jsonrpc":"2.0","method":"' .. method .. '","id":'

local counter = 0
local base = 0
local threads = {}

function setup(thread)
  thread:set("base", #threads * 1000000000)
  table.insert(threads, thread)
end

function init(args)
  base = tonumber(wrk.thread:get("base")) or 0
end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, headers, prefix .. (base + counter) .. params)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("BENCH requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
