-- rpc.lua - the pressmark process: finding it, starting it, talking to it.
--
-- The only module that calls jobstart(..., {rpc = true}), rpcrequest and
-- rpcnotify.  The process starts on first use.  If it dies, a warning says
-- so at once and the next use starts it again with a second message: a
-- restart is never silent.  Buffers with live highlights count as a use:
-- they are attached again at once (M._reattach).  Its stderr (its log
-- unless `log_file` is set) is kept so the message can show the last line.
local config = require('pressmark.config')

local M = {}

---@class pressmark.RpcState
---@field chan integer|nil job/channel id while running
---@field pid integer|nil
---@field cmd string[]|nil command it was started with
---@field died {code: integer, stderr: string}|nil set when it exited unasked
---@field stopping boolean stop() in progress: the exit is expected
---@field stderr string[] last lines of stderr
---@field starts integer how many times it was started
local state = { chan = nil, pid = nil, cmd = nil, died = nil, stopping = false, stderr = {}, starts = 0 }
---@type boolean Neovim is quitting: it stops the job itself, no message
local leaving = false

local uv = vim.uv or vim.loop -- vim.uv from Neovim 0.10

--- The folder this plugin was loaded from (holding lua/, plugin/, build/).
---@return string
function M.plugin_root()
  local src = debug.getinfo(1, 'S').source:sub(2)
  return vim.fn.fnamemodify(src, ':p:h:h:h')
end

--- Finds the binary: setup{cmd=…}, $PRESSMARK_BIN, the plugin's own
--- build/pressmark, then pressmark on $PATH.
---@return string[]|nil cmd the command to run, nil when nothing is found
---@return string where the first word came from, or what was tried
function M.find_cmd()
  local opts = config.get()
  if opts.cmd then
    return opts.cmd, 'setup{cmd}'
  end
  local env = os.getenv('PRESSMARK_BIN')
  if env and env ~= '' then
    return { env, 'serve' }, '$PRESSMARK_BIN'
  end
  local own = M.plugin_root() .. '/build/pressmark'
  if vim.fn.executable(own) == 1 then
    return { own, 'serve' }, 'plugin build folder'
  end
  local on_path = vim.fn.exepath('pressmark')
  if on_path ~= '' then
    return { on_path, 'serve' }, '$PATH'
  end
  return nil, ('tried $PRESSMARK_BIN, %s and pressmark on $PATH'):format(own)
end

local function notify(msg, level)
  vim.notify('pressmark: ' .. msg, level or vim.log.levels.INFO)
end

local function last_stderr()
  for i = #state.stderr, 1, -1 do
    if state.stderr[i] ~= '' then
      return state.stderr[i]
    end
  end
  return ''
end

local function on_stderr(_, data)
  for _, line in ipairs(data or {}) do
    table.insert(state.stderr, line)
  end
  while #state.stderr > 50 do
    table.remove(state.stderr, 1)
  end
end

local function mark_dead(job, code)
  if job ~= state.chan then
    return
  end
  state.chan, state.pid = nil, nil
  if state.stopping or leaving then
    state.stopping = false
    return
  end
  local why = last_stderr()
  state.died = { code = code, stderr = why }
  notify(
    ('the process exited (status %d%s); it restarts on next use'):format(code, why ~= '' and ': ' .. why or ''),
    vim.log.levels.WARN
  )
  M._reattach()
end

local last_reattach = -math.huge

--- After a death: buffers with live highlights are the "next use".  Their
--- attachments died with the process, so typing would no longer update
--- anything; they are attached again at once, which restarts the process
--- (with its message) and brings the highlights back.  At most once per
--- 5 s, so a process that dies on attach waits for a command instead of
--- looping.  Notes' sidecars reload on their own next request.
function M._reattach()
  local hl = package.loaded['pressmark.highlight']
  if not hl or not hl.state or next(hl.state) == nil or uv.now() - last_reattach < 5000 then
    return
  end
  last_reattach = uv.now()
  vim.schedule(function()
    for buf, _ in pairs(hl.state) do
      hl.state[buf] = nil -- forget the dead attachment, keep the old marks until replaced
      if vim.api.nvim_buf_is_loaded(buf) then
        local ok, err = pcall(hl.attach, buf)
        if not ok then
          notify(tostring(err):gsub('^pressmark: ', ''), vim.log.levels.ERROR)
        end
      end
    end
  end)
end

--- Starts the process if it is not running.  Throws with a message saying
--- what to try when it cannot start.
---@return integer chan
function M.ensure()
  if state.chan then
    return state.chan
  end
  local cmd, where = M.find_cmd()
  if not cmd then
    error('pressmark: binary not found (' .. where .. '); run `make` in the plugin folder or set setup{cmd = {...}}', 0)
  end
  if state.died then
    notify(('restarting the process (it had exited with status %d)'):format(state.died.code), vim.log.levels.WARN)
    state.died = nil
  end
  local opts = config.get()
  local env = nil
  if opts.log_file then
    env = { PRESSMARK_LOG = opts.log_file }
  end
  state.stderr = {}
  local ok, chan = pcall(vim.fn.jobstart, cmd, {
    rpc = true,
    env = env,
    on_stderr = on_stderr,
    on_exit = function(job, code)
      mark_dead(job, code)
    end,
  })
  if not ok or type(chan) ~= 'number' or chan <= 0 then
    error(('pressmark: cannot start %s (from %s): %s'):format(cmd[1], where, ok and tostring(chan) or chan), 0)
  end
  state.chan, state.cmd = chan, cmd
  if state.starts == 0 then
    vim.api.nvim_create_autocmd('VimLeavePre', {
      callback = function()
        leaving = true
      end,
    })
  end
  state.pid = vim.fn.jobpid(chan)
  state.starts = state.starts + 1
  return chan
end

local function exited(chan, ms)
  return vim.fn.jobwait({ chan }, ms or 0)[1] ~= -1
end

-- Neovim 0.7 has rpcrequest say "Invalid channel" only when the channel was
-- already closed as the call began (the request never left), and "ch N was
-- closed by the client" when it closed while the answer was awaited.  Neovim
-- 0.10 says "Invalid channel" in both cases, so there it proves nothing.
-- 0.8 and 0.9 are untested: they get the cautious reading.
local invalid_means_unsent = vim.fn.has('nvim-0.8') == 0

--- Calls `method` on the process and returns its result.  Starts the
--- process first if needed.  If the process turns out to have died (its
--- exit not yet noticed), the death is reported; the call is sent again to
--- a new process only when Neovim says it never left ("Invalid channel",
--- trusted on 0.7 only), since a request the old process may have
--- served must not run twice.  Throws "pressmark: ..." on failure.
---@param method string e.g. 'pressmark_ping'
---@param ... any parameters (buffer numbers: 0 = current)
---@return any
function M.request(method, ...)
  for attempt = 1, 2 do
    local chan = M.ensure()
    local ok, res = pcall(vim.fn.rpcrequest, chan, method, ...)
    if ok then
      return res
    end
    -- "Vim:Error invoking 'm' on channel 3:\n<message>" -> "<message>"
    -- (with " (pressmark)" after the number: the process announces its name)
    local msg = tostring(res):gsub('^Vim:Error invoking .- on channel %d+[^:\n]*:\n', '')
    local invalid = msg:find('^Invalid channel') ~= nil
    -- A closed channel means the process is going: give its exit a moment
    -- to be reaped, so the message names the death, not the channel.
    if not exited(chan, invalid and 1000 or 0) then
      error('pressmark: ' .. method .. ': ' .. msg, 0)
    end
    mark_dead(chan, vim.fn.jobwait({ chan }, 0)[1])
    if attempt == 2 or not (invalid and invalid_means_unsent) then
      error(('pressmark: the process exited during %s; it restarts on next use'):format(method), 0)
    end
  end
end

--- Sends a notification (no reply, errors only in the process's log).
---@param method string
---@param ... any
function M.notify(method, ...)
  vim.fn.rpcnotify(M.ensure(), method, ...)
end

--- Stops the process (no message: the exit is expected).
function M.stop()
  if state.chan then
    state.stopping = true
    local chan = state.chan
    vim.fn.jobstop(chan)
    vim.fn.jobwait({ chan }, 1000)
  end
end

--- What health checks and tests look at.
---@return {running: boolean, pid: integer|nil, cmd: string[]|nil, starts: integer, died: table|nil}
function M.status()
  return { running = state.chan ~= nil, pid = state.pid, cmd = state.cmd, starts = state.starts, died = state.died }
end

-- Positions.  The process counts in 0-based byte offsets into the buffer's
-- text with a "\n" after every line; Neovim's extmarks take a 0-based row
-- and a 0-based byte column.  These two functions are the only place that
-- converts between them.

--- Byte offset -> (row, col), both 0-based, col in bytes.  Offsets past a
--- line's end (its newline) map to that end; past the text, to the last line.
---@param buf integer buffer number (0 = current)
---@param offset integer 0-based byte offset
---@return integer row
---@return integer col
function M.offset_to_pos(buf, offset)
  local api = vim.api
  local lo, hi = 0, api.nvim_buf_line_count(buf) - 1
  while lo < hi do -- the last row starting at or before offset
    local mid = math.floor((lo + hi + 1) / 2)
    if api.nvim_buf_get_offset(buf, mid) <= offset then
      lo = mid
    else
      hi = mid - 1
    end
  end
  local col = math.max(0, offset - api.nvim_buf_get_offset(buf, lo))
  local len = #api.nvim_buf_get_lines(buf, lo, lo + 1, true)[1]
  return lo, math.min(col, len)
end

--- (row, col), both 0-based, col in bytes -> byte offset.
---@param buf integer
---@param row integer
---@param col integer
---@return integer offset
function M.pos_to_offset(buf, row, col)
  return vim.api.nvim_buf_get_offset(buf, row) + col
end

--- Monotonic time in nanoseconds, for latency figures.
---@return number
function M.now_ns()
  return uv.hrtime()
end

return M
