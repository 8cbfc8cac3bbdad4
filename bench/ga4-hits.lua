-- wrk script: GA4 page_view hits from CLIENTS distinct clients per wrk thread (default 1000), each request a new page.
-- Each client sends EVENTS hits in a row (default 1), then the next client does; after the last client the first comes
-- back. With RATE (requests/s for each wrk thread) the requests are spaced to that rate instead of sent as fast as
-- the connections allow (the latency wrk reports is then from each request's sending, not from its planned time).
-- With BROWSERS=1 each client is a real browser (one of the user agents below, with Chrome's client hints) at an
-- address of its own sent in X-Forwarded-For (the server must trust 127.0.0.1 as a proxy), for enrichment benchmarks.
-- Usage: wrk -t2 -c64 -d30s -s bench/ga4-hits.lua http://localhost:8080
local clients = tonumber(os.getenv("CLIENTS") or "1000")
local run = os.getenv("RUN") or tostring(os.time())
local browsers = os.getenv("BROWSERS") == "1"
local events = tonumber(os.getenv("EVENTS") or "1")
local rate = tonumber(os.getenv("RATE") or "0")
local counter = 0
-- Each wrk thread runs its own copy of this script: a thread number in every client id keeps the threads' requests
-- distinct, or with -t2 half of the hits would repeat the other thread's exactly (and be dropped as retries).
local threads = 0

setup = function(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
}

local function browser_headers(client)
  local agent = agents[client % #agents + 1]
  local headers = { ["User-Agent"] = agent,
      ["X-Forwarded-For"] = string.format("%d.%d.%d.%d", 81 + client % 100, math.floor(client / 65536) % 256,
          math.floor(client / 256) % 256, client % 256) }
  if agent:find("Chrome/") then
    headers["Sec-CH-UA"] = '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"'
    headers["Sec-CH-UA-Mobile"] = agent:find("Mobile") and "?1" or "?0"
  end
  return headers
end

-- A wall clock in milliseconds (Lua's own os.time counts seconds, os.clock CPU time).
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } d8a_timeval;
  int gettimeofday(d8a_timeval *tv, void *tz);
]]
local now_tv = ffi.new("d8a_timeval")
local function now_ms()
  ffi.C.gettimeofday(now_tv, nil)
  return tonumber(now_tv.tv_sec) * 1000 + tonumber(now_tv.tv_usec) / 1000
end

-- Each request takes the thread's next slot of 1000 / RATE ms, so the thread's connections together keep the rate.
local next_slot = nil
if rate > 0 then
  delay = function()
    local now = now_ms()
    next_slot = math.max(next_slot or now, now - 1000) + 1000 / rate
    return math.max(0, next_slot - now)
  end
end

request = function()
  counter = counter + 1
  local client = (math.floor((counter - 1) / events) % clients) * 64 + (thread_id or 0)
  local path = "/g/collect?v=2&tid=G-BENCH&en=page_view&cid=wrk-" .. run .. "-" .. client
      .. "&dl=https%3A%2F%2Fexample.com%2Fp" .. counter .. "&dt=Bench"
  if browsers then
    return wrk.format("GET", path, browser_headers(client))
  end
  -- A browser of its own per client: with one user agent and one address, session-stamp joining would
  -- (correctly) merge every client into one session.
  return wrk.format("GET", path, { ["User-Agent"] = "d8a-bench/" .. run .. "/" .. client })
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
  io.write(string.format("requests %d, errors %d, %.0f req/s, latency p50 %.1f ms, p99 %.1f ms\n",
      summary.requests, errors, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
