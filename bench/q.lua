-- A different full-text word on every request, so no response or match list can come from a cache:
-- the synthetic target names carry a five-digit number ("Synthetic Person 00042"), one per incident.
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", string.format("/api/v1/incidents?q=%05d", (counter * 7919) % 100000 + 1))
end
