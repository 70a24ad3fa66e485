-- bench/rpc.lua - run by bench/10-rpc.sh inside `nvim --headless --clean`.
-- Measures, for the pressmark process and for Neovim's own floor (an
-- embedded `nvim --embed` child answering nvim_eval('1')):
--   start: jobstart to the first rpcrequest reply (median of START_RUNS)
--   ping:  one rpcrequest round trip (median of PINGS)
local bin = os.getenv('PRESSMARK_BENCH_BIN')
local START_RUNS = tonumber(os.getenv('START_RUNS') or '21')
local PINGS = tonumber(os.getenv('PINGS') or '3000')
local uv = vim.loop

local function median(xs)
  table.sort(xs)
  return xs[math.floor(#xs / 2) + 1]
end

local function start_once(cmd, method, args)
  local t0 = uv.hrtime()
  local chan = vim.fn.jobstart(cmd, { rpc = true })
  assert(chan > 0, 'cannot start ' .. cmd[1])
  vim.fn.rpcrequest(chan, method, unpack(args))
  local dt = uv.hrtime() - t0
  return dt, chan
end

local function stop(chan)
  vim.fn.jobstop(chan)
  vim.fn.jobwait({ chan }, 2000)
end

local function measure(cmd, method, args)
  local starts = {}
  for _ = 1, START_RUNS do
    local dt, chan = start_once(cmd, method, args)
    table.insert(starts, dt)
    stop(chan)
  end
  local _, chan = start_once(cmd, method, args)
  for _ = 1, 200 do -- warm-up
    vim.fn.rpcrequest(chan, method, unpack(args))
  end
  local pings = {}
  for _ = 1, PINGS do
    local t0 = uv.hrtime()
    vim.fn.rpcrequest(chan, method, unpack(args))
    table.insert(pings, uv.hrtime() - t0)
  end
  stop(chan)
  return median(starts) / 1e6, median(pings) / 1e3
end

local p_start, p_ping = measure({ bin, 'serve' }, 'pressmark_ping', {})
local n_start, n_ping = measure({ 'nvim', '--embed', '--headless', '--clean' }, 'nvim_eval', { '1' })

local out = {}
local function line(fmt, ...)
  table.insert(out, fmt:format(...))
end
line('start to first answer  (median of %d)', START_RUNS)
line('  pressmark serve       %8.2f ms', p_start)
line('  nvim --embed (floor)  %8.2f ms', n_start)
line('  ratio                 %8.2f x   (target: pressmark <= 10 ms)', p_start / n_start)
line('rpc round trip         (median of %d)', PINGS)
line('  pressmark_ping        %8.2f us', p_ping)
line('  nvim_eval("1") floor  %8.2f us', n_ping)
line('  ratio                 %8.2f x   (target: <= 1.5 x)', p_ping / n_ping)
io.stdout:write(table.concat(out, '\n') .. '\n')
vim.cmd('qa!')
