-- wrk script for `npm run bench`: every request is a push with fresh alert ids (or, in repeat
-- mode, mostly a push already sent), and every answer is counted, so that the run can be
-- checked against what the server stored. The body shape comes from bench/load/payloads.ts
-- through the environment: BENCH_BODY_HEAD, BENCH_ALERT (with @ID@), BENCH_BODY_TAIL.

local head = os.getenv("BENCH_BODY_HEAD")
local alert = os.getenv("BENCH_ALERT")
local tail = os.getenv("BENCH_BODY_TAIL")
local path = os.getenv("BENCH_PATH")
local alerts_per_push = tonumber(os.getenv("BENCH_ALERTS"))
local repeat_share = tonumber(os.getenv("BENCH_REPEAT_SHARE") or "0")
local run_id = os.getenv("BENCH_RUN_ID")
local rate = tonumber(os.getenv("BENCH_RATE") or "0")

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  pushes = 0 -- distinct pushes generated so far; a repeat re-sends one of them
  acked = 0
  acked_events = 0
  stored = 0
  deduplicated = 0
  refused = 0
  math.randomseed(os.time() * 1000 + thread_id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local function body_of(push)
  local parts = {}
  for i = 1, alerts_per_push do
    local id = run_id .. "-" .. thread_id .. "-" .. push .. "-" .. i
    parts[i] = alert:gsub("@ID@", id)
  end
  return head .. table.concat(parts, ",") .. tail
end

function request()
  sent = sent + 1
  local push
  if pushes > 0 and repeat_share > 0 and math.random() < repeat_share then
    push = math.random(1, pushes)
  else
    pushes = pushes + 1
    push = pushes
  end
  return wrk.format(nil, path, nil, body_of(push))
end

-- A constant rate (BENCH_RATE pushes a second, one wrk thread): each request takes the next slot
-- of a fixed schedule and waits for it, whatever the latency of the answers. A request whose slot
-- has passed (every connection was busy) starts at once, so the schedule catches up. A pause per
-- connection after each answer would run below the rate by the time the answers take.
if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *time);
  ]]
  local CLOCK_MONOTONIC = 1
  local time = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, time)
    return tonumber(time.tv_sec) * 1000 + tonumber(time.tv_nsec) / 1e6
  end
  local interval_ms = 1000 / rate
  local next_slot_ms = nil

  function delay()
    local now = now_ms()
    next_slot_ms = next_slot_ms and next_slot_ms + interval_ms or now
    return math.max(0, math.floor(next_slot_ms - now + 0.5))
  end
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    acked = acked + 1
    acked_events = acked_events + alerts_per_push
    stored = stored + tonumber(body:match('"stored":(%d+)') or "0")
    deduplicated = deduplicated + tonumber(body:match('"deduplicated":(%d+)') or "0")
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local totals = { sent = 0, acked = 0, acked_events = 0, stored = 0, deduplicated = 0, refused = 0 }
  for _, thread in ipairs(threads) do
    for name, value in pairs(totals) do
      totals[name] = value + thread:get(name)
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"durationUs":%d,"requests":%d,"sent":%d,"acked":%d,"ackedEvents":%d,' ..
    '"stored":%d,"deduplicated":%d,"refused":%d,"socketErrors":%d,"timeouts":%d,' ..
    '"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.duration, summary.requests, totals.sent, totals.acked, totals.acked_events,
    totals.stored, totals.deduplicated, totals.refused,
    errors.connect + errors.read + errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
