-- wrk script: token requests whose bodies come from a file, one form body per line, each sent once in turn (the
-- file must hold more lines than the run sends: private_key_jwt assertions are single-use). A file of one line is
-- sent again and again (a workload token may be presented until it expires).
--   wrk -t1 -c16 -d15s -s token-bodies.lua http://127.0.0.1:19101/oauth2/token -- BODIES_FILE
-- Prints the same RESULT line as the peers' token.lua, plus "reused=N" (bodies sent again after the file ran out).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(bodies, line) end
  end
  if #bodies == 0 then error("no bodies in " .. args[1]) end
  next_body, reused = 1, 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Accept"] = "application/json"
  non2xx, non200 = 0, 0
  first_bad = ""
end

function request()
  local body = bodies[next_body]
  next_body = next_body + 1
  if next_body > #bodies then
    next_body = 1
    if #bodies > 1 then reused = reused + 1 end
  end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
    if first_bad == "" then first_bad = status .. " " .. (body or ""):sub(1, 200) end
  end
end

function done(summary, latency, requests)
  local bad, bad200, sample, again = 0, 0, "", 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non2xx")
    bad200 = bad200 + t:get("non200")
    again = again + t:get("reused")
    if sample == "" then sample = t:get("first_bad") or "" end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d non200=%d socket_errors=%d reused=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, bad200, e.connect + e.read + e.write + e.timeout, again))
  if sample ~= "" then io.write("FIRST_NON2XX " .. sample .. "\n") end
end
