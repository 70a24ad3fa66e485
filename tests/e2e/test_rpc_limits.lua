-- test_rpc_limits.lua - messages over the process's limits (32 MiB, 2M
-- objects) in a real headless Neovim: a reply too big to read fails the
-- call that asked for it with a message, a notification too big to read is
-- logged and skipped, and in both cases Neovim stays responsive and the
-- process keeps serving.  Before the fix a too-big reply was queued as "not
-- ours" and the process waited for ever, with Neovim stuck in rpcrequest.
local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
local pm = require('pressmark')
local rpc = require('pressmark.rpc')
local uv = vim.uv or vim.loop -- vim.uv from Neovim 0.10

local log = T.tmp .. '/pressmark.log'
pm.setup({ log_file = log })

-- 2.1M one-letter lines: 4.2 MB, under 32 MiB but over 2M objects once
-- sent as one array of lines.
local HUGE = 2100000
local huge_path = T.write('huge.txt', string.rep('a\n', HUGE))

-- Generous bounds: the sanitized binary is several times slower, and a
-- freeze never ends at all.
local BOUND_MS = 20000

local function ms_since(t0)
  return (uv.hrtime() - t0) / 1e6
end

local function notice_matching(pattern, from)
  for i = from or 1, #T.notices do
    if T.notices[i].msg:find(pattern) then
      return T.notices[i]
    end
  end
end

T.test('a 2.1M-line article opens with the plugin attaching, and Neovim answers', function()
  local n = #T.notices
  local t0 = uv.hrtime()
  vim.cmd('edit ' .. vim.fn.fnameescape(huge_path))
  T.eq(vim.api.nvim_buf_line_count(0), HUGE)
  -- vim.wait returns: the event loop is not blocked.
  T.eq(vim.wait(200, function() return false end, 10), false)
  T.eq(pm.ping(), 'pong')
  T.truthy(ms_since(t0) < BOUND_MS, 'open, wait and ping within the bound')
  T.truthy(notice_matching('huge%.txt.*2100000 lines', n + 1), 'the size notice')
end)

T.test(':Pressmark stats on it fails with a message instead of freezing', function()
  local pid = rpc.status().pid
  local n = #T.notices
  local t0 = uv.hrtime()
  -- The process asks Neovim for all lines at once: the reply is over 2M
  -- objects.  (An ERROR notice raises inside vim.cmd when headless.)
  pcall(vim.cmd, 'Pressmark stats')
  T.truthy(ms_since(t0) < BOUND_MS, ':Pressmark stats returns within the bound')
  local msg = notice_matching('pressmark', n + 1)
  T.truthy(msg, 'a notice')
  T.matches(msg.msg, 'reply to nvim_buf_get_lines exceeds the message limit of 32 MiB and 2097152 objects')
  T.eq(msg.level, vim.log.levels.ERROR)
  -- The stream is still in step: the same process answers the next call.
  T.eq(pm.ping(), 'pong')
  T.eq(rpc.status().pid, pid)
  T.matches(T.read(log), 'reply to nvim_buf_get_lines %(id %d+%) skipped')
end)

T.test('a paste too big for one event is logged and skipped, and serving goes on', function()
  vim.cmd('edit ' .. vim.fn.fnameescape(T.write('small.txt', 'Une ligne.\n')))
  local buf = vim.api.nvim_get_current_buf()
  T.wait(5000, function()
    local st = require('pressmark.highlight').state[buf]
    return st and st.mode == 'live'
  end, 'small.txt attached live')
  local pid = rpc.status().pid
  local t0 = uv.hrtime()
  -- One change of 2.1M lines: one nvim_buf_lines_event over the limits.
  vim.cmd('$read ' .. vim.fn.fnameescape(huge_path))
  T.eq(vim.api.nvim_buf_line_count(buf), HUGE + 1)
  T.eq(vim.wait(200, function() return false end, 10), false)
  T.eq(pm.ping(), 'pong')
  T.truthy(ms_since(t0) < BOUND_MS, 'paste, wait and ping within the bound')
  T.eq(rpc.status().pid, pid)
  T.wait(BOUND_MS, function()
    return (T.read(log) or ''):find('notification nvim_buf_lines_event for ' .. buf .. ' skipped') ~= nil
  end, 'the log line naming the event and the buffer')
  -- The process's copy is out of step: the buffer is attached again, in
  -- view mode since it is now over max_lines.
  T.wait(BOUND_MS, function()
    local st = require('pressmark.highlight').state[buf]
    return st and st.mode == 'view'
  end, 'small.txt attached again in view mode')
  T.truthy(notice_matching('an edit was too big to follow'), 'the resync notice')
  T.truthy(notice_matching('small%.txt.*2100001 lines'), 'the view-mode notice')
end)

T.test('after a skipped paste, a buffer still under the limits is followed live and in step', function()
  pm.setup({ log_file = log, max_lines = 3000000 })
  local path = T.write('small2.txt', 'Une ligne.\n')
  local tail = T.write('tail.txt', string.rep('a\n', HUGE) .. '« Nous y arriverons », a déclaré Paul Henrion.\n')
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  local hl = require('pressmark.highlight')
  T.wait(5000, function()
    return hl.state[buf] and hl.state[buf].mode == 'live'
  end, 'small2.txt attached live')
  local n = #T.notices
  vim.cmd('$read ' .. vim.fn.fnameescape(tail))
  T.wait(BOUND_MS, function()
    return notice_matching('buffer ' .. buf .. ': an edit was too big to follow', n + 1) ~= nil
  end, 'the resync notice')
  -- Re-attached live (4.2 MB, 2.1M lines: under both limits now); the
  -- quote on the last line gets its mark, which the out-of-step copy
  -- (one line) could never give.
  local last = vim.api.nvim_buf_line_count(buf) - 1
  T.wait(BOUND_MS, function()
    if not (hl.state[buf] and hl.state[buf].mode == 'live') then
      return false
    end
    local marks = vim.api.nvim_buf_get_extmarks(buf, hl.ns, { last, 0 }, { last, -1 }, { details = true })
    for _, m in ipairs(marks) do
      if m[4].hl_group == 'PressmarkQuote' then
        return true
      end
    end
    return false
  end, 'the quote on the last line highlighted')
  -- and the next edit is followed
  vim.api.nvim_buf_set_lines(buf, 0, 1, false, { '« Première phrase », dit-il.' })
  T.wait(BOUND_MS, function()
    local marks = vim.api.nvim_buf_get_extmarks(buf, hl.ns, { 0, 0 }, { 0, -1 }, { details = true })
    for _, m in ipairs(marks) do
      if m[4].hl_group == 'PressmarkQuote' then
        return true
      end
    end
    return false
  end, 'the first line highlighted after an edit')
  pm.setup({ log_file = log })
end)

T.test('a live buffer that grows past max_bytes switches to view mode', function()
  pm.setup({ log_file = log, max_bytes = 4096 })
  vim.cmd('edit ' .. vim.fn.fnameescape(T.write('grow.txt', 'Une ligne.\n')))
  local buf = vim.api.nvim_get_current_buf()
  local hl = require('pressmark.highlight')
  T.wait(5000, function()
    return hl.state[buf] and hl.state[buf].mode == 'live'
  end, 'grow.txt attached live')
  local n = #T.notices
  local lines = {}
  for i = 1, 200 do
    lines[i] = ('« Citation numéro %d », a déclaré Paul Henrion.'):format(i)
  end
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, lines)
  T.wait(BOUND_MS, function()
    return hl.state[buf] and hl.state[buf].mode == 'view'
  end, 'grow.txt in view mode')
  T.truthy(notice_matching('grow%.txt is .*over max_bytes', n + 1), 'the view-mode notice')
  pm.setup({ log_file = log })
end)

T.done()
