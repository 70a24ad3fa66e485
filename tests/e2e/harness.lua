-- harness.lua - assertions and reporting for end-to-end tests.
--
-- Each tests/e2e/test_*.lua does:
--   local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
--   T.test('title', function() T.eq(actual, expected) end)
--   T.done()
-- Lines go to stdout as `ok N - title` / `not ok N - title`, then
-- `N passed, N failed`; the Neovim process exits 1 when anything failed.
local T = { passed = 0, failed = 0, n = 0 }

T.root = os.getenv('PRESSMARK_ROOT')
T.tmp = os.getenv('PRESSMARK_TEST_TMP') or vim.fn.tempname()

local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
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

function T.done()
  out(('%d passed, %d failed'):format(T.passed, T.failed))
  os.exit(T.failed > 0 and 1 or 0)
end

return T
