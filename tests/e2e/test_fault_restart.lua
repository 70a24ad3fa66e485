-- test_fault_restart.lua - the process killed under an open article: the
-- death is reported at once, a new process is started for the attached
-- buffer with a message, and its highlights follow edits again.
local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
local api = vim.api
local rpc = require('pressmark.rpc')
local hl = require('pressmark.highlight')
local uv = vim.uv or vim.loop

-- Messages the plugin shows, in order.
local messages = {}
local notify = vim.notify
vim.notify = function(msg, level, opts)
  table.insert(messages, tostring(msg))
  return notify(msg, level, opts)
end

local function quotes(buf)
  local out = {}
  for _, m in ipairs(api.nvim_buf_get_extmarks(buf, hl.ns, 0, -1, { details = true })) do
    if m[1] < 0x40000000 and m[4].hl_group == 'PressmarkQuote' then
      local t = api.nvim_buf_get_text(buf, m[2], m[3], m[4].end_row, m[4].end_col, {})
      table.insert(out, table.concat(t, '\n'))
    end
  end
  table.sort(out)
  return out
end

local function seen(pattern)
  for _, m in ipairs(messages) do
    if m:find(pattern) then
      return true
    end
  end
  return false
end

local path = T.write('article.txt', table.concat({
  '« Nous ne céderons rien », a déclaré Manuel Valls devant les députés.',
  '',
  "Selon l'Insee, le chômage a baissé de 3 % en 2015.",
}, '\n') .. '\n')
vim.cmd('edit ' .. vim.fn.fnameescape(path))
local buf = api.nvim_get_current_buf()

T.test('the article is attached and highlighted', function()
  T.wait(5000, function()
    return #quotes(buf) == 1
  end, 'the first highlights')
  T.eq(quotes(buf), { 'Nous ne céderons rien' })
end)

local old_pid
T.test('SIGKILL: the death is reported at once with its status', function()
  old_pid = T.truthy(rpc.status().pid, 'pid')
  uv.kill(old_pid, 'sigkill')
  T.wait(5000, function()
    return seen('the process exited %(status 137')
  end, 'a message on death (got ' .. vim.inspect(messages) .. ')')
end)

T.test('a new process is started at once for the attached buffer, with a message', function()
  T.wait(5000, function()
    return seen('restarting the process %(it had exited with status 137%)')
  end, 'a restart message')
  local st = rpc.status()
  T.truthy(st.running and st.pid ~= old_pid, 'a new process')
  T.eq(rpc.request('pressmark_ping'), 'pong')
end)

T.test('the buffer is followed again: a new quotation typed after the restart gets its mark', function()
  api.nvim_buf_set_lines(buf, 1, 1, true, { '« On verra », dit Paul Dax.' })
  T.wait(5000, function()
    return #quotes(buf) == 2
  end, 'highlights after the restart (got ' .. vim.inspect(quotes(buf)) .. ')')
  T.eq(quotes(buf), { 'Nous ne céderons rien', 'On verra' })
end)

T.done()
