-- test_rpc_limits.lua - messages over the process's limits (32 MiB, 2M
-- objects) in a real headless Neovim: a reply too big to read fails the
-- call that asked for it with a message, a notification too big to read is
-- logged and skipped, and in both cases Neovim stays responsive and the
-- process keeps serving.  Before the fix a too-big reply was queued as "not
-- ours" and the process waited for ever, with Neovim stuck in rpcrequest.
local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
local pm = require('pressmark')
local rpc = require('pressmark.rpc')

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
  return (vim.loop.hrtime() - t0) / 1e6
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
  local t0 = vim.loop.hrtime()
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
  local t0 = vim.loop.hrtime()
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
  local t0 = vim.loop.hrtime()
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
end)

T.done()
