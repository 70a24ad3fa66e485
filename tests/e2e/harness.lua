-- harness.lua - assertions and reporting for end-to-end tests.
--
-- Each tests/e2e/test_*.lua does:
--   local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
--   T.test('title', function() T.eq(actual, expected) end)
--   T.done()
-- Lines go to stdout as `ok N - title` / `not ok N - title`, then
-- `N passed, N failed`; the Neovim process exits 1 when anything failed.
-- T.done first ends the pressmark process, waits for it and counts a
-- failure unless it exits 0.
local T = { passed = 0, failed = 0, n = 0 }

T.root = os.getenv('PRESSMARK_ROOT')
T.tmp = os.getenv('PRESSMARK_TEST_TMP') or vim.fn.tempname()

local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

-- Which Neovim ran the file, for the log (tests/run can pick another one).
do
  local v = vim.version()
  out(('# Neovim %d.%d.%d (%s)'):format(v.major, v.minor, v.patch, vim.v.progpath))
end

function T.test(name, fn)
  T.n = T.n + 1
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    T.passed = T.passed + 1
    out(('ok %d - %s'):format(T.n, name))
  else
    T.failed = T.failed + 1
    out(('not ok %d - %s'):format(T.n, name))
    for line in tostring(err):gmatch('[^\n]+') do
      out('#   ' .. line)
    end
  end
end

function T.eq(actual, expected, what)
  if not vim.deep_equal(actual, expected) then
    error(('%s: expected %s, got %s'):format(what or 'value', vim.inspect(expected), vim.inspect(actual)), 2)
  end
end

function T.truthy(v, what)
  if not v then
    error((what or 'value') .. ': expected a true value, got ' .. vim.inspect(v), 2)
  end
  return v
end

function T.matches(s, pattern, what)
  if type(s) ~= 'string' or not s:find(pattern) then
    error(('%s: %s does not match %q'):format(what or 'string', vim.inspect(s), pattern), 2)
  end
end

-- Waits up to `ms` for cond() to be true, processing events meanwhile.
function T.wait(ms, cond, what)
  if not vim.wait(ms, cond, 10) then
    error('timed out waiting for ' .. (what or 'condition'), 2)
  end
end

-- Writes `text` to a new file under the test's temporary folder.
function T.write(name, text)
  local path = T.tmp .. '/' .. name
  vim.fn.mkdir(vim.fn.fnamemodify(path, ':h'), 'p')
  local f = assert(io.open(path, 'wb'))
  f:write(text)
  f:close()
  return path
end

function T.read(path)
  local f = io.open(path, 'rb')
  if not f then return nil end
  local s = f:read('*a')
  f:close()
  return s
end

-- Messages shown with vim.notify are recorded so tests can assert them.
T.notices = {}
local notify = vim.notify
vim.notify = function(msg, level, opts)
  table.insert(T.notices, { msg = msg, level = level })
  return notify(msg, level, opts)
end

-- The running pressmark process's job id, or nil.
local function process_job()
  local rpc = package.loaded['pressmark.rpc']
  local st = rpc and rpc.status()
  if not st or not st.running or not st.pid then
    return nil
  end
  for _, c in ipairs(vim.api.nvim_list_chans()) do
    if c.stream == 'job' then
      local ok, pid = pcall(vim.fn.jobpid, c.id)
      if ok and pid == st.pid then
        return c.id
      end
    end
  end
end

-- Ends the process as quitting Neovim does (VimLeavePre, then EOF on its
-- stdin) and waits for it: a sanitizer's leak check runs at that exit, and
-- its report must be written (tests/run points log_path at a folder and
-- fails the suite on any report) and its exit status seen before Neovim
-- is gone.  Left to os.exit, the process would exit on its own after the
-- suite had already been counted.  Returns the exit status, or nil when no
-- process was running.
local function stop_process()
  local job = process_job()
  if not job then
    return nil
  end
  -- The plugin then takes the exit for a shutdown, not a crash to report
  -- and restart from.
  vim.cmd('silent doautocmd <nomodeline> VimLeavePre')
  -- Closing the channel is EOF on its stdin: it exits by itself, leak
  -- check included.  (jobstop would send SIGTERM, and no check runs.)
  vim.fn.chanclose(job, 'rpc')
  return vim.fn.jobwait({ job }, 30000)[1]
end

function T.done()
  local status = stop_process()
  if status then
    T.test('the process exits with status 0 at the end', function()
      T.eq(status, 0, 'exit status (-1: still running 30 s after EOF)')
    end)
  end
  -- Newer Neovims announce APIs on their way out through vim.deprecate,
  -- which shows its warning with vim.notify: recorded above.
  T.test('no deprecation warning was shown', function()
    local seen = {}
    for _, n in ipairs(T.notices) do
      if tostring(n.msg):lower():find('deprecated') then
        table.insert(seen, tostring(n.msg))
      end
    end
    T.eq(seen, {}, 'deprecation warnings')
  end)
  out(('%d passed, %d failed'):format(T.passed, T.failed))
  os.exit(T.failed > 0 and 1 or 0)
end

return T
