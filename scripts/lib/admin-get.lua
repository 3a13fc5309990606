-- wrk script: GET one admin API path with a bearer token; prints one machine-readable line at the end:
--   RESULT requests=N rps=R p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. non200=N
--   wrk -t1 -c1 -d5s -s admin-get.lua http://127.0.0.1:PORT/api/v1/clients?q=x -- ACCESS_TOKEN
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  wrk.headers["Accept"] = "application/json"
  non200, first_bad = 0, ""
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if first_bad == "" then first_bad = status .. " " .. (body or ""):sub(1, 200) end
  end
end

function done(summary, latency, requests)
  local bad, sample = 0, ""
  for _, t in ipairs(threads) do
    bad = bad + t:get("non200")
    if sample == "" then sample = t:get("first_bad") or "" end
  end
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non200=%d\n",
    summary.requests, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad))
  if sample ~= "" then io.write("FIRST_NON200 " .. sample .. "\n") end
end
