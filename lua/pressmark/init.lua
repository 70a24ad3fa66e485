-- init.lua - pressmark's Lua API and the :Pressmark command.
--
-- Works without setup(): options then come from vim.g.pressmark and the
-- defaults (see config.lua).  Buffer arguments follow Neovim: 0 is the
-- current buffer.
local M = {}

--- Sets options (see |pressmark-options|).  Optional.
---@param opts? table
function M.setup(opts)
  require('pressmark.config').set(opts)
  if require('pressmark.config').get().mappings then
    require('pressmark.ui').default_mappings()
  end
end

--- Round trip to the process.
---@return string reply "pong"
---@return number ms latency in milliseconds
function M.ping()
  local rpc = require('pressmark.rpc')
  rpc.ensure()
  local t0 = rpc.now_ns()
  local r = rpc.request('pressmark_ping')
  return r, (rpc.now_ns() - t0) / 1e6
end

--- The process's version and API level.
---@return {version: string, api_level: integer}
function M.version()
  return require('pressmark.rpc').request('pressmark_version_get')
end

--- Line and byte counts of a buffer, as the process sees them (it asks
--- Neovim for the lines while serving this request).
---@param buf? integer buffer number, 0 or nil = current
---@return {buf: integer, lines: integer, bytes: integer}
function M.buf_stats(buf)
  return require('pressmark.rpc').request('pressmark_buf_stats_get', buf or 0)
end

local function say(msg)
  vim.notify('pressmark: ' .. msg, vim.log.levels.INFO)
end

---@class pressmark.Subcommand
---@field run fun(args: string[], opts: table)
---@field desc string
---@field complete? fun(arglead: string, args: string[]): string[] its arguments' completion

--- :Pressmark subcommands.  Later modules add theirs with M.subcommand().
---@type table<string, pressmark.Subcommand>
M.subcommands = {
  ping = {
    desc = 'round trip to the process, with its latency',
    run = function()
      local r, ms = M.ping()
      say(('%s in %.3f ms'):format(r, ms))
    end,
  },
  version = {
    desc = 'version of the process and of its RPC API',
    run = function()
      local v = M.version()
      local st = require('pressmark.rpc').status()
      say(('%s (api level %d), %s'):format(v.version, v.api_level, st.cmd and st.cmd[1] or '?'))
    end,
  },
  stats = {
    desc = 'lines and bytes of the current buffer, counted by the process',
    run = function()
      local s = M.buf_stats(0)
      say(('buffer %d: %d lines, %d bytes'):format(s.buf, s.lines, s.bytes))
    end,
  },
  restart = {
    desc = 'stop the process; the next use starts a new one',
    run = function()
      require('pressmark.rpc').stop()
      require('pressmark.rpc').ensure()
      say('process restarted')
    end,
  },
  enable = {
    desc = 'attach the current buffer: live highlights of quotes, speakers and claims',
    run = function()
      local mode = require('pressmark.highlight').attach(0)
      say(mode == 'live' and 'highlights on' or 'highlights on (visible lines only)')
    end,
  },
  disable = {
    desc = 'detach the current buffer and clear its highlights',
    run = function()
      local hl = require('pressmark.highlight')
      local buf = vim.api.nvim_get_current_buf()
      hl.detach(buf)
      hl.disabled[buf] = true
      say('highlights off')
    end,
  },
  health = {
    desc = 'run :checkhealth pressmark',
    run = function()
      vim.cmd('checkhealth pressmark')
    end,
  },
}

--- Adds or replaces a :Pressmark subcommand.
---@param name string
---@param spec pressmark.Subcommand
function M.subcommand(name, spec)
  M.subcommands[name] = spec
end

--- Runs `:Pressmark {sub} {args}`; errors become error messages.
---@param fargs string[]
---@param opts? table the user command's opts
function M.command(fargs, opts)
  local name = fargs[1] or 'version'
  local sub = M.subcommands[name]
  if not sub then
    local names = vim.tbl_keys(M.subcommands)
    table.sort(names)
    vim.notify(('pressmark: unknown subcommand %q (try %s)'):format(name, table.concat(names, ', ')), vim.log.levels.ERROR)
    return
  end
  local ok, err = pcall(sub.run, vim.list_slice(fargs, 2), opts or {})
  if not ok then
    vim.notify(tostring(err):find('^pressmark') and tostring(err) or 'pressmark: ' .. tostring(err), vim.log.levels.ERROR)
  end
end

--- Completion for :Pressmark.
---@param arglead string
---@param cmdline string
---@return string[]
function M.complete(arglead, cmdline)
  local name = cmdline:match('^%A*%a+!?%s+(%S+)%s')
  if name then
    local sub = M.subcommands[name]
    if not sub or not sub.complete then
      return {}
    end
    local args = vim.split(vim.trim(cmdline:match('^%A*%a+!?%s+%S+%s+(.*)$') or ''), '%s+')
    return sub.complete(arglead, args)
  end
  local out = {}
  for name in pairs(M.subcommands) do
    if vim.startswith(name, arglead) then
      table.insert(out, name)
    end
  end
  table.sort(out)
  return out
end

-- The notes commands (note, verdict, show, ...: lua/pressmark/ui.lua).
require('pressmark.ui').register(M)

return M
