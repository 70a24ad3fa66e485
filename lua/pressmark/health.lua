-- health.lua - :checkhealth pressmark.
--
-- Uses vim.health where it exists (0.10 names start/ok/...; 0.8-0.9 had
-- report_*), else Neovim 0.7.2's require('health').report_*.
local M = {}

local function reporter()
  local h = vim.health
  if h and h.start then
    return h
  end
  h = h or require('health')
  return {
    start = h.report_start,
    ok = h.report_ok,
    info = h.report_info,
    warn = h.report_warn,
    error = h.report_error,
  }
end

function M.check()
  local health = reporter()
  local rpc = require('pressmark.rpc')
  local config = require('pressmark.config')

  health.start('pressmark: Neovim')
  local v = vim.version()
  local vs = ('%d.%d.%d'):format(v.major, v.minor, v.patch)
  if vim.fn.has('nvim-0.7.2') == 1 then
    health.ok('Neovim ' .. vs)
  else
    health.error('Neovim ' .. vs .. ' is too old', { 'install Neovim 0.7.2 or newer' })
  end
  config.get()
  if #config.problems > 0 then
    health.warn('options: ' .. table.concat(config.problems, '; '), { 'see :help pressmark-options' })
  else
    health.ok('options valid')
  end

  health.start('pressmark: process')
  local cmd, where = rpc.find_cmd()
  if not cmd then
    health.error('binary not found: ' .. where, {
      'run `make` in ' .. rpc.plugin_root(),
      'or set require("pressmark").setup{ cmd = { "/path/to/pressmark", "serve" } }',
    })
    return
  end
  if vim.fn.executable(cmd[1]) ~= 1 then
    health.error(('binary %s (from %s) is not executable'):format(cmd[1], where), { 'run `make` in ' .. rpc.plugin_root() })
    return
  end
  health.ok(('binary %s (from %s)'):format(cmd[1], where))
  local out = vim.fn.system({ cmd[1], '--version' })
  if vim.v.shell_error == 0 then
    health.ok('version: ' .. vim.trim(out))
  else
    health.error(cmd[1] .. ' --version failed: ' .. vim.trim(out), { 'rebuild with `make clean all`' })
  end

  local ok, err = pcall(rpc.ensure)
  if not ok then
    health.error(tostring(err), { 'run `' .. cmd[1] .. ' serve </dev/null` in a shell to see why it cannot start' })
    return
  end
  local t0 = rpc.now_ns()
  local pok, reply = pcall(rpc.request, 'pressmark_ping')
  local ms = (rpc.now_ns() - t0) / 1e6
  if pok and reply == 'pong' then
    health.ok(('round-trip ping: %.3f ms'):format(ms))
  else
    health.error('the process does not answer a ping: ' .. tostring(reply), {
      'run :Pressmark restart',
      'set log_file in setup() and read the log',
    })
    return
  end
  local vok, ver = pcall(rpc.request, 'pressmark_version_get')
  if vok and type(ver) == 'table' then
    health.ok(('RPC api level %d (process %s)'):format(ver.api_level, ver.version))
  else
    health.error('pressmark_version_get failed: ' .. tostring(ver), { 'rebuild with `make`' })
  end

  health.start('pressmark: files')
  local lang = rpc.plugin_root() .. '/lang'
  if vim.fn.isdirectory(lang) == 1 then
    health.ok('language files folder ' .. lang)
  else
    health.warn('language files folder missing: ' .. lang, { 'reinstall the plugin with its lang/ folder' })
  end
  -- :checkhealth runs in a new tab: the article is the alternate buffer.
  local name = vim.api.nvim_buf_get_name(0)
  if name == '' or vim.bo.buftype ~= '' then
    name = vim.fn.bufname('#') ~= '' and vim.fn.fnamemodify(vim.fn.bufname('#'), ':p') or ''
  end
  if name == '' then
    health.info('no article in the current buffer: notes folder not checked')
  else
    local dir = vim.fn.fnamemodify(name, ':p:h')
    if vim.fn.filewritable(dir) == 2 then
      health.ok('article folder writable (notes are saved beside it): ' .. dir)
    else
      health.error('article folder not writable, notes cannot be saved: ' .. dir, { 'check the folder\'s permissions' })
    end
  end
end

return M
