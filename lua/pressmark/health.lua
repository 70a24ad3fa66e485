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
  local files = vim.fn.glob(lang .. '/*.yaml', false, true)
  if #files > 0 then
    health.ok(('language files in %s: %s'):format(lang, table.concat(vim.tbl_map(function(f)
      return vim.fn.fnamemodify(f, ':t')
    end, files), ', ')))
  else
    health.warn('no language files in ' .. lang, { 'reinstall the plugin with its lang/ folder' })
  end
  -- The process finds its own copy (next to the binary, or
  -- $PRESSMARK_LANG_DIR): ask it to analyse a sentence.
  local scratch = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_lines(scratch, 0, -1, false, { 'Le maire a déclaré : « Nous tiendrons le budget. »' })
  local aok, res = pcall(rpc.request, 'pressmark_analysis_get', scratch)
  vim.api.nvim_buf_delete(scratch, { force = true })
  if aok and type(res) == 'table' and #(res.quotes or {}) == 1 then
    health.ok('the process loads its language data (a test quote was found)')
  elseif aok then
    health.warn('the process loads its language data but found no quote in a test sentence', { 'check lang/fr.yaml' })
  else
    health.error('the process cannot load its language data: ' .. tostring(res), {
      'set $PRESSMARK_LANG_DIR to the plugin\'s lang/ folder',
      'or rebuild with `make` in ' .. rpc.plugin_root(),
    })
  end
  -- :checkhealth runs in a new tab: the article is the alternate buffer.
  local name = vim.api.nvim_buf_get_name(0)
  local buf = vim.api.nvim_get_current_buf()
  if name == '' or vim.bo.buftype ~= '' then
    buf = vim.fn.bufnr('#')
    name = vim.fn.bufname('#') ~= '' and vim.fn.fnamemodify(vim.fn.bufname('#'), ':p') or ''
  end
  if name == '' then
    health.info('no article in the current buffer: sidecar folder not checked')
  else
    local dir = vim.fn.fnamemodify(name, ':p:h')
    local sidecar = vim.fn.fnamemodify(name, ':p') .. '.factcheck.yaml'
    if vim.fn.filewritable(dir) == 2 then
      health.ok('article folder writable (its sidecar of notes is saved there): ' .. dir)
    else
      health.error('article folder not writable, its sidecar of notes cannot be saved: ' .. dir, { 'check the folder\'s permissions' })
    end
    if vim.fn.filereadable(sidecar) == 1 and vim.fn.filewritable(sidecar) ~= 1 then
      health.error('sidecar not writable: ' .. sidecar, { 'check the file\'s permissions' })
    end
    local st = package.loaded['pressmark.notes'] and require('pressmark.notes').state[buf]
    if st and st.error then
      health.error('sidecar does not load, it is left untouched: ' .. st.error, { 'fix the file; it reloads on FocusGained or :e' })
    elseif st then
      local orphans = 0
      for _, n in ipairs(st.notes) do
        if n.outcome == 'orphan' or n.outcome == 'ambiguous' then
          orphans = orphans + 1
        end
      end
      local msg = ('sidecar loaded: %d notes, %d not placed'):format(#st.notes, orphans)
      if orphans > 0 then
        health.warn(msg, { ':Pressmark list orphans' })
      else
        health.ok(msg)
      end
    end
  end
end

return M
