-- marks.lua - the editor's live highlights and a whole-file analysis of
-- the same text, as lists of marks that compare with vim.deep_equal: the
-- reference of the highlight tests (test_highlight*.lua).
--   local M = dofile(root .. '/tests/e2e/marks.lua')(T)   -- T: harness.lua
-- A mark is {group, row, col, end_row, end_col}; lists come sorted by
-- position, then group.
return function(T)
  local api = vim.api
  local rpc = require('pressmark.rpc')
  local ns = api.nvim_create_namespace('pressmark')
  local M = {}

  M.groups = { quote = 'PressmarkQuote', indirect = 'PressmarkIndirect', term = 'PressmarkTerm', title = 'PressmarkTitle' }

  function M.sort(t)
    table.sort(t, function(a, b)
      for i = 2, 5 do
        if a[i] ~= b[i] then
          return a[i] < b[i]
        end
      end
      return a[1] < b[1]
    end)
    return t
  end

  -- The live marks of `buf` (ids at 0x40000000 and above are the notes').
  function M.live(buf)
    local out = {}
    for _, m in ipairs(api.nvim_buf_get_extmarks(buf, ns, 0, -1, { details = true })) do
      if m[1] < 0x40000000 then
        table.insert(out, { m[4].hl_group, m[2], m[3], m[4].end_row, m[4].end_col })
      end
    end
    return M.sort(out)
  end

  -- What `pressmark analyze --format json` says of the buffer's text.
  function M.expected(buf)
    local lines = api.nvim_buf_get_lines(buf, 0, -1, true)
    local starts, off = {}, 0
    for i, l in ipairs(lines) do
      starts[i] = off
      off = off + #l + 1
    end
    local function pos(o) -- byte offset -> row, col
      local lo, hi = 1, #starts
      while lo < hi do
        local mid = math.floor((lo + hi + 1) / 2)
        if starts[mid] <= o then lo = mid else hi = mid - 1 end
      end
      return lo - 1, o - starts[lo]
    end
    local path = T.write('expected.txt', table.concat(lines, '\n') .. '\n')
    local out = vim.fn.system({ rpc.find_cmd()[1], 'analyze', '--format', 'json', path })
    assert(vim.v.shell_error == 0, out)
    local r = vim.fn.json_decode(out)
    local want, seen = {}, {}
    for _, q in ipairs(r.quotes) do
      table.insert(want, { M.groups[q.kind], q.line - 1, q.col, q.end_line - 1, q.end_col })
      local s = q.speaker
      if type(s) == 'table' and s.mention ~= vim.NIL and s['end'] > s.start and not seen[s.start .. ':' .. s['end']] then
        seen[s.start .. ':' .. s['end']] = true
        local r1, c1 = pos(s.start)
        local r2, c2 = pos(s['end'])
        table.insert(want, { 'PressmarkSpeaker', r1, c1, r2, c2 })
      end
    end
    for _, c in ipairs(r.claims) do
      table.insert(want, { 'PressmarkClaim', c.line - 1, c.col, c.end_line - 1, c.end_col })
    end
    return M.sort(want)
  end

  return M
end
