-- bench/nvim_hl.lua - run by bench/50-nvim.sh inside `nvim --headless`
-- with the plugin from the checkout.  For one article ($BENCH_FILE):
--   open:  `:edit` to every highlight set (the last batch applied), median
--          of $OPEN_RUNS, beside the floor: plain Neovim opening the same
--          file (highlights off) and setting as many extmarks from Lua;
--   edit:  a one-character edit inside a quotation in the middle of the
--          buffer to the batch that updates its highlights applied (the
--          quote's mark grows or shrinks), median of $EDITS, beside
--          the floor: the same edit plus setting that batch's marks again
--          from Lua;
--   rss:   the process's peak resident memory (VmHWM).
-- Prints one line per figure; never asserts.
local file = assert(os.getenv('BENCH_FILE'))
local OPEN_RUNS = tonumber(os.getenv('OPEN_RUNS') or '5')
local EDITS = tonumber(os.getenv('EDITS') or '41')
local uv = vim.loop
local api = vim.api

local pm = require('pressmark')
local hl = require('pressmark.highlight')
local rpc = require('pressmark.rpc')

local function median(xs)
  table.sort(xs)
  return xs[math.floor(#xs / 2) + 1]
end

-- Every applied batch: time and number of marks set.
local applied = { n = 0, t = 0, set = 0, total = 0 }
local apply = hl._apply
hl._apply = function(buf, tick, clear, groups, del, set)
  local r = apply(buf, tick, clear, groups, del, set)
  if r == true then
    applied.n = applied.n + 1
    applied.t = uv.hrtime()
    applied.set = #set / 6
    applied.total = applied.total + #set / 6
  end
  return r
end

local function live_marks(buf)
  local out = {}
  for _, m in ipairs(api.nvim_buf_get_extmarks(buf, hl.ns, 0, -1, { details = true })) do
    if m[1] < 0x40000000 then
      table.insert(out, m)
    end
  end
  return out
end

local function wipe()
  local buf = api.nvim_get_current_buf()
  vim.cmd('enew')
  vim.cmd('bwipeout! ' .. buf)
end

local function hwm_kb()
  local v
  for l in io.lines('/proc/' .. rpc.status().pid .. '/status') do
    v = v or tonumber(l:match('^VmHWM:%s*(%d+)'))
  end
  return v
end

-- BENCH_RSS_ONLY: one :edit in a fresh process, then its peak memory.
-- BENCH_NO_NOTES drops the notes module's autocommands (its sidecar load
-- reads the whole buffer too), to see the highlights' own share.
if os.getenv('BENCH_NO_NOTES') then
  api.nvim_clear_autocmds({ group = 'pressmark_notes' })
end
if os.getenv('BENCH_RSS_ONLY') then
  rpc.ensure()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local seen = -1
  vim.wait(60000, function()
    local done = applied.n > 0 and applied.n == seen and uv.hrtime() - applied.t > 1e9
    seen = applied.n
    return done
  end, 200)
  local bytes = hl.size(api.nvim_get_current_buf())
  print(('rss   %9.1f MB   article %.1f MB   ratio %5.2f   (one :edit%s)'):format(hwm_kb() / 1024,
    bytes / 1048576, hwm_kb() * 1024 / bytes, os.getenv('BENCH_NO_NOTES') and ', notes module off' or ''))
  vim.cmd('qa!')
end

-- Warm-up: start the process, learn how many marks the article gets (the
-- count once batches stop coming for a second).
pm.setup({ highlights = true })
rpc.ensure()
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = api.nvim_get_current_buf()
local last = -1
vim.wait(60000, function()
  if applied.n > 0 and applied.n == last and uv.hrtime() - applied.t > 1e9 then
    return true
  end
  last = applied.n
  return false
end, 200)
local marks = live_marks(buf)
local N = #marks
local bytes, lines = hl.size(buf)
print(('article %s: %d bytes, %d lines, %d marks'):format(vim.fn.fnamemodify(file, ':t'), bytes, lines, N))

-- Marks set since `total0` (counting extmarks at every poll would cost
-- more than setting them, on a 10 MB article).
local function all_set(total0)
  return function()
    return applied.total - total0 >= N
  end
end

-- open, plugin
local opens = {}
for _ = 1, OPEN_RUNS do
  wipe()
  collectgarbage()
  local total0 = applied.total
  local t0 = uv.hrtime()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.wait(60000, all_set(total0), 1)
  table.insert(opens, (applied.t - t0) / 1e6)
end

-- open, floor: the same file without the plugin, the same marks from Lua
local fns = api.nvim_create_namespace('pressmark_bench_floor')
local floors = {}
pm.setup({ highlights = false })
for _ = 1, OPEN_RUNS do
  wipe()
  collectgarbage()
  local t0 = uv.hrtime()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local b = api.nvim_get_current_buf()
  local o = {}
  for _, m in ipairs(marks) do
    o.end_row, o.end_col, o.hl_group, o.priority = m[4].end_row, m[4].end_col, m[4].hl_group, m[4].priority
    api.nvim_buf_set_extmark(b, fns, m[2], m[3], o)
  end
  table.insert(floors, (uv.hrtime() - t0) / 1e6)
end
local o_ms, of_ms = median(opens), median(floors)
print(('open  %9.2f ms   floor %9.2f ms   ratio %5.2f'):format(o_ms, of_ms, o_ms / of_ms))

-- edit: insert then delete one character in a word of the middle line
pm.setup({ highlights = true })
wipe()
local total0 = applied.total
vim.cmd('edit ' .. vim.fn.fnameescape(file))
buf = api.nvim_get_current_buf()
vim.wait(60000, all_set(total0), 1)
-- The first quotation from the middle on: a character typed inside it
-- moves the end of its mark, so every edit needs a batch (an edit that
-- changes no highlight sends none).
local mid = math.floor(lines / 2)
while not api.nvim_buf_get_lines(buf, mid, mid + 1, true)[1]:find('^«') do
  mid = mid + 1
end
local edits, sets = {}, {}
for i = 1, EDITS do
  local n0 = applied.n
  local t0 = uv.hrtime()
  if i % 2 == 1 then
    api.nvim_buf_set_text(buf, mid, 5, mid, 5, { 'x' })
  else
    api.nvim_buf_set_text(buf, mid, 5, mid, 6, { '' })
  end
  vim.wait(5000, function()
    return applied.n > n0
  end, 0)
  table.insert(edits, (applied.t - t0) / 1e3)
  table.insert(sets, applied.set)
end
-- floor: the same edits, then as many marks set again from Lua
local efloors = {}
local k = median(vim.deepcopy(sets))
-- marks of the original article around the middle line (valid positions)
local near = {}
for _, m in ipairs(marks) do
  if m[2] >= mid and m[2] ~= mid and #near < k then
    table.insert(near, m)
  end
end
for i = 1, EDITS do
  local t0 = uv.hrtime()
  if i % 2 == 1 then
    api.nvim_buf_set_text(buf, mid, 5, mid, 5, { 'x' })
  else
    api.nvim_buf_set_text(buf, mid, 5, mid, 6, { '' })
  end
  local o = {}
  for _, m in ipairs(near) do
    o.end_row, o.end_col, o.hl_group = m[4].end_row, m[4].end_col, m[4].hl_group
    api.nvim_buf_set_extmark(buf, fns, m[2], m[3], o)
  end
  table.insert(efloors, (uv.hrtime() - t0) / 1e3)
end
local e_us, ef_us = median(edits), median(efloors)
print(('edit  %9.1f us   floor %9.1f us   ratio %5.2f   (%d marks per batch)'):format(e_us, ef_us, e_us / ef_us, k))

local hwm = hwm_kb()
print(('rss   %9.1f MB   article %.1f MB   ratio %5.2f   (after all the runs above)'):format(hwm / 1024,
  bytes / 1048576, hwm * 1024 / bytes))
print(('RESULT %d %.3f %.3f %.1f %.1f %s'):format(bytes, o_ms, of_ms, e_us, ef_us, hwm))
vim.cmd('qa!')
