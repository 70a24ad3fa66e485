-- test_rpc.lua - the plugin and the process in a real headless Neovim:
-- start on first use, ping, a call back into Neovim while serving a
-- request, crashes and malformed input reported and recovered.
local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
local pm = require('pressmark')
local rpc = require('pressmark.rpc')
local uv = vim.uv or vim.loop -- vim.uv from Neovim 0.10

local function notice_matching(pattern, from)
  for i = from or 1, #T.notices do
    if T.notices[i].msg:find(pattern) then
      return T.notices[i]
    end
  end
end

local function wait_exit(pid)
  T.wait(5000, function()
    return not rpc.status().running and vim.fn.isdirectory('/proc/' .. pid) == 0
  end, 'the process to exit')
end

T.test('the plugin defines :Pressmark without starting the process', function()
  T.eq(vim.fn.exists(':Pressmark'), 2)
  T.eq(rpc.status().running, false)
  T.eq(rpc.status().starts, 0)
end)

T.test('first use starts the process and ping answers pong', function()
  local r, ms = pm.ping()
  T.eq(r, 'pong')
  T.truthy(ms < 1000, 'latency under a second')
  T.eq(rpc.status().running, true)
  T.eq(rpc.status().starts, 1)
end)

T.test(':Pressmark ping reports the answer', function()
  local n = #T.notices
  vim.cmd('Pressmark ping')
  T.matches(T.notices[n + 1] and T.notices[n + 1].msg, '^pressmark: pong in [0-9.]+ ms$')
end)

T.test('version_get matches the binary and the api level', function()
  local v = pm.version()
  local out = vim.fn.system({ rpc.status().cmd[1], '--version' })
  T.eq('pressmark ' .. v.version, vim.trim(out))
  T.eq(v.api_level, 1)
end)

T.test('an unknown method is an error naming it, and serving goes on', function()
  local ok, err = pcall(rpc.request, 'pressmark_nope_get')
  T.eq(ok, false)
  T.eq(err, 'pressmark: pressmark_nope_get: Invalid method: pressmark_nope_get')
  T.eq(pm.ping(), 'pong')
end)

T.test('the process calls nvim_buf_get_lines back while serving a request', function()
  local buf = vim.api.nvim_create_buf(true, false)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, { '« Nous ne céderons pas », a-t-il dit.', '', 'fin' })
  local s = pm.buf_stats(buf)
  T.eq(s, { buf = buf, lines = 3, bytes = vim.api.nvim_buf_call(buf, function()
    return vim.fn.line2byte(vim.fn.line('$') + 1) - 1
  end) })
end)

T.test('buffer 0 is the current buffer, its handle decoded from the EXT type', function()
  vim.cmd('enew')
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'a', 'bc' })
  T.eq(pm.buf_stats(0), { buf = vim.api.nvim_get_current_buf(), lines = 2, bytes = 5 })
end)

T.test('a wrong parameter type is a validation error', function()
  local ok, err = pcall(rpc.request, 'pressmark_buf_stats_get', 'x')
  T.eq(ok, false)
  T.matches(err, 'expected a buffer number')
end)

T.test('a killed process is reported at once and restarted on next use', function()
  local pid = rpc.status().pid
  local n = #T.notices
  uv.kill(pid, 9)
  wait_exit(pid)
  T.wait(2000, function()
    return notice_matching('exited %(status', n + 1) ~= nil
  end, 'the exit notice')
  T.truthy(notice_matching('restarts on next use', n + 1))
  T.eq(pm.ping(), 'pong')
  T.truthy(notice_matching('restarting the process', n + 1), 'restart notice')
  T.truthy(rpc.status().pid ~= pid, 'a new pid')
end)

T.test('a call to a process killed unnoticed fails clearly, the next restarts', function()
  local pid = rpc.status().pid
  local starts = rpc.status().starts
  uv.kill(pid, 9)
  uv.sleep(100) -- no event processing: the exit is not noticed yet
  local ok, err = pcall(pm.ping)
  T.eq(ok, false)
  T.matches(err, '^pressmark: the process exited during pressmark_ping; it restarts on next use$')
  T.eq(pm.ping(), 'pong')
  T.eq(rpc.status().starts, starts + 1)
end)

T.test('malformed msgpack makes the process exit 1 with a message, then restart', function()
  -- Neovim's pipe to the job is a socket nobody else can open: start the
  -- process behind tests/e2e/relay.py, which also feeds it from a FIFO.
  local fifo = T.tmp .. '/inject'
  vim.fn.system({ 'mkfifo', fifo })
  T.eq(vim.v.shell_error, 0)
  local bin = rpc.find_cmd()[1]
  rpc.stop()
  pm.setup({ cmd = { 'python3', T.root .. '/tests/e2e/relay.py', fifo, bin, 'serve' } })
  T.eq(pm.ping(), 'pong')
  local pid = rpc.status().pid
  -- The process answers bad bytes with an id-0 error.  Neovim 0.10 takes a
  -- response from a client of unknown type, with no request waiting, for
  -- the answer to the last request on an empty stack and crashes; the
  -- process therefore announces itself with nvim_set_client_info(...,
  -- "msgpack-rpc", ...), and then a stray response only closes the channel.
  -- (Neovim handles a notification on its next loop iteration: wait.)
  local function client()
    for _, c in ipairs(vim.api.nvim_list_chans()) do
      local ok, cpid = pcall(vim.fn.jobpid, c.id)
      if c.stream == 'job' and ok and cpid == pid then
        return c.client or {}
      end
    end
    return {}
  end
  T.wait(2000, function()
    return client().type ~= nil
  end, 'the client info of the channel')
  T.eq({ client().name, client().type }, { 'pressmark', 'msgpack-rpc' }, 'the client info of the channel')
  local n = #T.notices
  local f = assert(io.open(fifo, 'wb'))
  f:write('\193') -- 0xc1 is never msgpack
  f:close()
  wait_exit(pid)
  T.wait(2000, function()
    return notice_matching('exited %(status 1', n + 1) ~= nil
  end, 'the exit notice')
  T.matches(notice_matching('exited', n + 1).msg, 'Invalid msgpack at byte %d+: byte 0xc1')
  T.eq(pm.ping(), 'pong')
  T.truthy(notice_matching('restarting the process', n + 1), 'restart notice')
  rpc.stop()
  pm.setup({})
end)

T.test(':checkhealth pressmark reports OK and no ERROR', function()
  local name = T.write('articles/a.txt', 'Un article.\n')
  vim.cmd('edit ' .. vim.fn.fnameescape(name))
  vim.cmd('checkhealth pressmark')
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  T.matches(text, 'OK:? Neovim')
  T.matches(text, 'OK:? round%-trip ping: [0-9.]+ ms')
  T.matches(text, 'OK:? binary ')
  T.matches(text, 'OK:? article folder writable')
  T.truthy(not text:find('ERROR'), 'no ERROR in:\n' .. text)
  vim.cmd('bwipeout!')
end)

T.test(':checkhealth pressmark is an ERROR with a fix when the binary is missing', function()
  rpc.stop()
  pm.setup({ cmd = { T.tmp .. '/no-such-pressmark', 'serve' } })
  vim.cmd('checkhealth pressmark')
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  vim.cmd('bwipeout!')
  pm.setup({})
  T.matches(text, 'ERROR:? binary .*no%-such%-pressmark.* is not executable')
  T.matches(text, 'make')
  T.eq(pm.ping(), 'pong')
end)

T.test('setup reports unknown options and wrong types, keeping defaults', function()
  local n = #T.notices
  pm.setup({ cmdd = 1, log_file = 42 })
  local msg = T.notices[n + 1] and T.notices[n + 1].msg
  T.matches(msg, 'unknown option "cmdd"')
  T.matches(msg, 'option "log_file" must be string or nil, got number')
  T.eq(require('pressmark.config').get().log_file, nil)
  T.eq(require('pressmark.config').get().cmdd, nil)
  pm.setup({})
end)

T.test('log_file receives the log; a bad notification is logged and skipped', function()
  local log = T.tmp .. '/pressmark.log'
  rpc.stop()
  pm.setup({ log_file = log })
  rpc.notify('pressmark_nope_set', 1)
  T.eq(pm.ping(), 'pong')
  T.matches(T.read(log), 'Invalid method: pressmark_nope_set')
  rpc.stop()
  pm.setup({})
end)

T.test(':Pressmark version and stats report through notices', function()
  local n = #T.notices
  vim.cmd('enew')
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'un', 'deux' })
  vim.cmd('Pressmark version')
  vim.cmd('Pressmark stats')
  T.matches(T.notices[n + 1].msg, '^pressmark: %d+%.%d+%.%d+ %(api level 1%), /')
  T.matches(T.notices[n + 2].msg, '^pressmark: buffer %d+: 2 lines, 8 bytes$')
  pcall(vim.cmd, 'Pressmark frobnicate') -- an ERROR notice raises in headless 0.7.2
  T.matches(T.notices[n + 3].msg, 'unknown subcommand "frobnicate"')
end)

T.test('byte offsets and (row, col) positions convert both ways', function()
  vim.cmd('enew')
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'ab', '', 'çé' })
  local cases = { { 0, 0, 0 }, { 2, 0, 2 }, { 3, 1, 0 }, { 4, 2, 0 }, { 6, 2, 2 }, { 8, 2, 4 } }
  for _, c in ipairs(cases) do
    T.eq({ rpc.offset_to_pos(0, c[1]) }, { c[2], c[3] }, 'offset ' .. c[1])
    T.eq(rpc.pos_to_offset(0, c[2], c[3]), c[1], 'pos ' .. c[2] .. ',' .. c[3])
  end
  T.eq({ rpc.offset_to_pos(0, 99) }, { 2, 4 }, 'past the end')
end)

T.test(':Pressmark completes its subcommands', function()
  local c = vim.fn.getcompletion('Pressmark pi', 'cmdline')
  T.eq(c, { 'ping' })
  T.truthy(vim.tbl_contains(vim.fn.getcompletion('Pressmark ', 'cmdline'), 'health'))
end)

T.done()
