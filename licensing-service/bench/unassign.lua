-- wrk script: Graph assignLicense removing one SKU per call, each call a different (user, SKU) pair.
--   wrk -t2 -c32 -d30s -s unassign.lua http://host:port -- PAIRS_FILE TOKEN THREADS
-- PAIRS_FILE lines are "userId skuId"; thread i of THREADS (wrk's -t) sends lines i, i+n, i+2n... so no
-- pair is sent twice. A thread that runs out of pairs sends a user that does not exist (a 404, counted by
-- wrk as non-2xx): give it more pairs than it can use.

local created = 0

function setup(thread)
  thread:set("index", created)
  created = created + 1
end

function init(args)
  thread_count = tonumber(args[3])
  pairs_list = {}
  local n = 0
  for line in io.lines(args[1]) do
    if n % thread_count == index then
      local user, sku = line:match("(%S+)%s+(%S+)")
      table.insert(pairs_list, { user, sku })
    end
    n = n + 1
  end
  token = args[2]
  next_pair = 1
end

function request()
  local pair = pairs_list[next_pair]
  next_pair = next_pair + 1
  if pair == nil then
    pair = { "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000" }
  end
  return wrk.format("POST", "/v1.0/users/" .. pair[1] .. "/assignLicense",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
    '{"addLicenses":[],"removeLicenses":["' .. pair[2] .. '"]}')
end
