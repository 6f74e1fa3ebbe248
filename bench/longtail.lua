-- The benchmark's uncacheable rows: every request walks one step of a precomputed, deterministic sequence, so no two
-- requests of a run repeat until the sequence is exhausted (the harness gives each wrk run the offset where the last
-- one stopped, and reports a row whose sequence wrapped). wrk's threads each have their own Lua state: thread t of T
-- takes positions offset + t, offset + t + T, ... so together they walk the sequence one step at a time.
--
--   wrk -t T ... -s bench/longtail.lua URL -- MODE OFFSET T ARG
--
--   F   /api/v1/incidents?q=NNNNN: a synthetic person's number ("Synthetic Person 00042"), then a title's
--       ("Synthetic incident 000042"): 2N distinct queries (ARG = N incidents)
--   H   /api/v1/incidents?country=..&originCountry=..&from=YYYY&to=YYYY&sort=..&page=1..3 (ARG = hosts/origins, below)
--   SH  the same query through soul-cli's _filters/_ordering/_page syntax (period overlap: date_end >= from,
--       date_start <= to, as the API's from/to mean)
--   P   page walk: one list, page n+1 each request; when a walk ends the next starts with another sort or page size
--       (ARG = N incidents)
--   Q   /api/v1/incidents?q=topicNNNN+NNNNN: one line of a file of "word word" queries (ARG = the file)
--
-- H's ARG is "HOSTS;ORIGINS", comma lists read from the database: the sequence is every host x every origin set (one
-- origin, or two of them: any of) x every year range in 2014-2024 x two sorts (-date, date) x page 1, 2, 3, visited
-- in a scrambled order (a multiplicative permutation), so that neighbouring requests share little.

local threads = {}

function setup(thread)
   thread:set("tid", #threads)
   table.insert(threads, thread)
end

local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end

-- A stride coprime with n, near n / golden ratio: position k visits element (k * stride) % n, each element once per n
-- steps, and neighbouring positions land far apart.
local function stride(n)
   local s = math.floor(n * 0.6180339887)
   while gcd(s, n) ~= 1 do s = s + 1 end
   return s
end

local function split(s, sep)
   local out = {}
   for part in string.gmatch(s, "[^" .. sep .. "]+") do table.insert(out, part) end
   return out
end

local path_at        -- function(position within [0, length)) -> path
length = 0           -- read back by done() through thread:get
pos = 0              -- the next absolute position this thread takes
offset = 0

local function h_sequence(spec, soul)
   local parts = split(spec, ";")
   local hosts, origins = split(parts[1], ","), split(parts[2], ",")
   local sets = {}
   for a = 1, #origins do table.insert(sets, { origins[a] }) end
   for a = 1, #origins do for b = a + 1, #origins do table.insert(sets, { origins[a], origins[b] }) end end
   local ranges = {}
   for from = 2014, 2024 do for to = from, 2024 do table.insert(ranges, { from, to }) end end
   local sorts = { "-date", "date" }
   local n = #hosts * #sets * #ranges * #sorts * 3
   local step = stride(n)
   return n, function(k)
      local j = (k * step) % n
      local page = j % 3 + 1; j = math.floor(j / 3)
      local sort = sorts[j % #sorts + 1]; j = math.floor(j / #sorts)
      local range = ranges[j % #ranges + 1]; j = math.floor(j / #ranges)
      local set = sets[j % #sets + 1]; j = math.floor(j / #sets)
      local host = hosts[j + 1]
      if soul then
         local origin = #set == 1 and set[1] or ("%5B" .. table.concat(set, ",") .. "%5D")
         return string.format("/api/tables/incidents/rows?_limit=50&_page=%d&_filters=host_country:%s,origin_country:%s,"
            .. "date_end__gte:%d-01-01,date_start__lte:%d-12-31&_ordering=%s", page, host, origin, range[1], range[2],
            sort == "date" and "date_start" or "-date_start")
      end
      return string.format("/api/v1/incidents?country=%s&originCountry=%s&from=%d&to=%d&sort=%s&page=%d", host,
         table.concat(set, ","), range[1], range[2], sort, page)
   end
end

local function p_sequence(count)
   local sorts = { "-date", "date", "-id", "id", "country", "-country" }
   local walks = {}   -- { sort, size, pages, first position }
   local first = 0
   for d = 0, 50 do   -- page sizes 50, 49, 51, 48, 52, ... 25, 75
      local size = 50 + (d % 2 == 1 and -(d + 1) / 2 or d / 2)
      for _, sort in ipairs(sorts) do
         local pages = math.ceil(count / size)
         table.insert(walks, { sort, size, pages, first })
         first = first + pages
      end
   end
   local w = 1
   return first, function(k)
      if k < walks[w][4] then w = 1 end
      while k >= walks[w][4] + walks[w][3] do w = w + 1 end
      local walk = walks[w]
      return string.format("/api/v1/incidents?sort=%s&pageSize=%d&page=%d", walk[1], walk[2], k - walk[4] + 1)
   end
end

local function q_sequence(file)
   local words = {}
   for line in io.lines(file) do
      if #line > 0 then table.insert(words, (string.gsub(line, " ", "%%20"))) end
   end
   local n = #words
   local step = stride(n)
   return n, function(k) return "/api/v1/incidents?q=" .. words[(k * step) % n + 1] end
end

local function f_sequence(count)   -- a person's five-digit number, then an incident title's six-digit one
   return 2 * count, function(k)
      if k < count then return string.format("/api/v1/incidents?q=%05d", (k * 7919) % count + 1) end
      return string.format("/api/v1/incidents?q=%06d", (k * 7919) % count + 1)
   end
end

function init(args)
   local mode = args[1]
   offset = tonumber(args[2])
   local nthreads = tonumber(args[3])
   pos = offset + tid
   step_threads = nthreads
   if mode == "H" or mode == "SH" then length, path_at = h_sequence(args[4], mode == "SH")
   elseif mode == "P" then length, path_at = p_sequence(tonumber(args[4]))
   elseif mode == "Q" then length, path_at = q_sequence(args[4])
   elseif mode == "F" then length, path_at = f_sequence(tonumber(args[4]))
   else error("unknown mode " .. tostring(mode)) end
end

function request()
   local k = pos
   pos = pos + step_threads
   return wrk.format("GET", path_at(k % length))
end

-- One line for the harness: the first position no thread has taken yet, and the sequence's length.
function done(summary, latency, requests)
   local next = 0
   for _, thread in ipairs(threads) do
      local p = thread:get("pos")
      if p > next then next = p end
   end
   local n = threads[1]:get("length")
   io.write(string.format("longtail next=%d length=%d\n", next, n))
end
