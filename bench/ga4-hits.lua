-- wrk script: GA4 page_view hits from CLIENTS distinct clients (default 1000), each request a new page.
-- Usage: wrk -t2 -c64 -d30s -s bench/ga4-hits.lua http://localhost:8080
local clients = tonumber(os.getenv("CLIENTS") or "1000")
local run = os.getenv("RUN") or tostring(os.time())
local counter = 0

request = function()
  counter = counter + 1
  local client = counter % clients
  local path = "/g/collect?v=2&tid=G-BENCH&en=page_view&cid=wrk-" .. run .. "-" .. client
      .. "&dl=https%3A%2F%2Fexample.com%2Fp" .. counter .. "&dt=Bench"
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
