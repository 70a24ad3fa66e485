-- highlight.lua - live highlights: highlight groups, attaching buffers to
-- the process, and applying the batches of extmarks it sends.
--
-- The process follows an attached buffer through nvim_buf_attach and sends
-- one batch per update: a call of M._apply through nvim_exec_lua that
-- deletes and sets marks by id in one go, so no redraw shows half of an
-- update.  A batch computed for text that has since changed (b:changedtick
-- moved on) is refused; the process sends it again after the change.
--
-- Positions: the process sends buffer coordinates (0-based row, 0-based
-- byte column, end exclusive), which nvim_buf_set_extmark takes as they
-- are.  Marks live in the namespace `pressmark`; ids below 0x40000000 are
-- the process's, ids above belong to notes.lua.
local api = vim.api
local config = require('pressmark.config')

local M = {}

M.ns = api.nvim_create_namespace('pressmark')

-- vim.highlight is vim.hl from Neovim 0.11 on, the old name deprecated.
local hl_mod = vim.hl or vim.highlight
local base = (hl_mod and hl_mod.priorities and hl_mod.priorities.user) or 200

--- Highlight groups: {name, default link, extmark priority}.  Priorities
--- sit above syntax (50), tree-sitter (100), diagnostics (150) and the
--- user level (200), so an article's highlights never lose to them; a
--- quote draws over the claim it sits in, a speaker over both.  A reported
--- clause holding a quotation is an indirect mark around the quote's own
--- (« a reconnu qu'il ne l'avait « pas vu » »): the quote draws over it.
M.groups = {
  { 'PressmarkClaim', 'Underlined', base + 1 },
  { 'PressmarkQuote', 'String', base + 3 },
  { 'PressmarkIndirect', 'Special', base + 2 },
  { 'PressmarkTerm', 'Constant', base + 3 },
  { 'PressmarkTitle', 'Title', base + 3 },
  { 'PressmarkSpeaker', 'Identifier', base + 4 },
  -- Notes and verdicts (drawn by notes.lua), same links as there.
  { 'PressmarkNote', 'Underlined', base + 10 },
  { 'PressmarkVerdictTrue', 'DiagnosticOk', base + 10 },
  { 'PressmarkVerdictMostlyTrue', 'DiagnosticOk', base + 10 },
  { 'PressmarkVerdictMixed', 'DiagnosticWarn', base + 10 },
  { 'PressmarkVerdictMisleading', 'DiagnosticWarn', base + 10 },
  { 'PressmarkVerdictFalse', 'DiagnosticError', base + 10 },
  { 'PressmarkVerdictUnverifiable', 'DiagnosticInfo', base + 10 },
  { 'PressmarkVerdictOpinion', 'DiagnosticHint', base + 10 },
}

local priority = {}
for _, g in ipairs(M.groups) do
  priority[g[1]] = g[3]
end

--- Defines the groups with `default` links (a colorscheme or the user
--- wins).  Run again on ColorScheme, since :highlight clear drops them.
function M.define()
  for _, g in ipairs(M.groups) do
    local target = g[2]
    if vim.fn.hlexists(target) == 0 then -- DiagnosticOk is new in 0.9
      target = target == 'DiagnosticOk' and 'DiagnosticInfo' or 'Comment'
    end
    vim.cmd(('highlight default link %s %s'):format(g[1], target))
  end
end

---@class pressmark.HlState
---@field mode 'live'|'view'
---@field batches integer batches applied
---@field dropped integer batches refused as stale
---@field tick integer changedtick of the last batch applied

--- Attached buffers.
---@type table<integer, pressmark.HlState>
M.state = {}
--- Buffers the user turned off with :Pressmark disable (no auto attach).
---@type table<integer, boolean>
M.disabled = {}

--- Applies one batch from the process (called through nvim_exec_lua).
---@param buf integer
---@param tick integer b:changedtick of the text the batch was computed for
---@param clear boolean first delete every live-highlight mark the buffer
--- holds (a new attachment does not know what an earlier one left)
---@param groups string[] group names, indexed by the marks' group + 1
---@param del integer[] mark ids to delete
---@param set integer[] flat {id, row, col, end_row, end_col, group, ...}
---@return boolean|integer applied true, else the buffer's changedtick
--- (the process then knows whether an event is still to come), or false
--- when the buffer is not loaded
function M._apply(buf, tick, clear, groups, del, set)
  local st = M.state[buf]
  local now = api.nvim_buf_is_loaded(buf) and api.nvim_buf_get_changedtick(buf)
  if now ~= tick then
    if st then
      st.dropped = st.dropped + 1
    end
    return now
  end
  local ns = M.ns
  local del_mark, set_mark = api.nvim_buf_del_extmark, api.nvim_buf_set_extmark
  if clear then
    M.clear(buf)
  end
  for i = 1, #del do
    del_mark(buf, ns, del[i])
  end
  local prio = {}
  for i, name in ipairs(groups) do
    prio[i] = priority[name] or base
  end
  local o = {} -- reused: nvim_buf_set_extmark copies what it needs
  for i = 1, #set, 6 do
    local g = set[i + 5] + 1
    o.id, o.end_row, o.end_col, o.hl_group, o.priority = set[i], set[i + 3], set[i + 4], groups[g], prio[g]
    set_mark(buf, ns, set[i + 1], set[i + 2], o)
  end
  if st then
    st.batches = st.batches + 1
    st.tick = tick
    if st.mode == 'live' then
      M._check_size(buf)
    end
  end
  return true
end

local function notify(msg, level)
  vim.notify('pressmark: ' .. msg, level or vim.log.levels.INFO)
end

local function resolve(buf)
  return (buf == nil or buf == 0) and api.nvim_get_current_buf() or buf
end

-- The rows shown in windows on `buf`: {first, last}, 0-based, end
-- exclusive, with a screen of margin either side.
local function visible_rows(buf)
  local first, last = nil, nil
  for _, win in ipairs(api.nvim_list_wins()) do
    if api.nvim_win_get_buf(win) == buf then
      local top, bot = unpack(api.nvim_win_call(win, function()
        return { vim.fn.line('w0'), vim.fn.line('w$') }
      end))
      local h = api.nvim_win_get_height(win)
      first = math.min(first or math.huge, top - 1 - h)
      last = math.max(last or 0, bot + h)
    end
  end
  if not first then
    first, last = 0, 100
  end
  return { math.max(0, first), math.min(api.nvim_buf_line_count(buf), last) }
end

local view_group = api.nvim_create_augroup('pressmark_view', { clear = true })

local function analysis_opts(buf, view)
  local opts = config.get()
  return { min_score = opts.min_score, lang = opts.lang, view = view }
end

-- A huge buffer: highlights for the lines in view, refreshed when the view
-- moves or the text changes.
local function attach_view(buf)
  local rpc = require('pressmark.rpc')
  rpc.request('pressmark_buf_attach', buf, analysis_opts(buf, visible_rows(buf)))
  local pending = false
  local function refresh()
    if pending then
      return
    end
    pending = true
    vim.defer_fn(function()
      pending = false
      if M.state[buf] and M.state[buf].mode == 'view' and api.nvim_buf_is_loaded(buf) then
        pcall(rpc.request, 'pressmark_buf_attach', buf, analysis_opts(buf, visible_rows(buf)))
      end
    end, 50)
  end
  api.nvim_clear_autocmds({ group = view_group, buffer = buf })
  api.nvim_create_autocmd({ 'WinScrolled', 'CursorMoved', 'TextChanged', 'TextChangedI' }, {
    group = view_group,
    buffer = buf,
    callback = refresh,
  })
end

--- Size of a buffer: bytes (a newline counted after each line) and lines.
---@param buf integer
---@return integer bytes, integer lines
function M.size(buf)
  local lines = api.nvim_buf_line_count(buf)
  return api.nvim_buf_get_offset(buf, lines), lines
end

-- The RPC message of a full buffer must stay under the process's 32 MiB
-- message limit, whatever max_bytes says.
local LIVE_LIMIT = 24 * 1024 * 1024

--- Whether a buffer is over `max_bytes`/`max_lines` (or the message
--- limit): then only its visible lines are highlighted.
---@param buf integer
---@return boolean over, integer bytes, integer lines
function M.over_limits(buf)
  local opts = config.get()
  local bytes, lines = M.size(buf)
  return bytes > math.min(opts.max_bytes, LIVE_LIMIT) or lines > opts.max_lines, bytes, lines
end

-- A live buffer that grew past the limits (a big paste) is attached again,
-- in view mode, once the edit that did it has been drawn.  Called after
-- each batch of marks: measuring a buffer costs a walk over its memline's
-- chunks, not over its text.
local resizing = {}
function M._check_size(buf)
  if resizing[buf] or not M.over_limits(buf) then
    return
  end
  resizing[buf] = true
  vim.schedule(function()
    resizing[buf] = nil
    local st = M.state[buf]
    if st and st.mode == 'live' and api.nvim_buf_is_loaded(buf) then
      local ok, err = pcall(M.attach, buf)
      if not ok then
        notify(tostring(err):gsub('^pressmark: ', ''), vim.log.levels.ERROR)
      end
    end
  end)
end

--- Called by the process when it could not read an edit of `buf` (one
--- change over its message limits): its copy of the buffer is out of step,
--- so the buffer is attached again from scratch (in view mode when it is
--- now over the limits).
---@param buf integer
---@param why string what the process's decoder said
function M._resync(buf, why)
  vim.schedule(function()
    if not M.state[buf] or not api.nvim_buf_is_loaded(buf) then
      return
    end
    notify(('buffer %d: an edit was too big to follow (%s); attaching it again'):format(buf, why), vim.log.levels.WARN)
    M.detach(buf, true)
    local ok, err = pcall(M.attach, buf)
    if not ok then
      notify(tostring(err):gsub('^pressmark: ', ''), vim.log.levels.ERROR)
    end
  end)
  return true
end

--- Attaches a buffer: the process follows its changes and draws
--- highlights.  Above `max_bytes`/`max_lines` only the visible lines are
--- highlighted, with a message saying so.  Throws "pressmark: ..." when
--- the process cannot attach it.
---@param buf? integer 0 or nil = current
---@return 'live'|'view' mode
function M.attach(buf)
  buf = resolve(buf)
  M.define()
  M.disabled[buf] = nil
  local opts = config.get()
  local over, bytes, lines = M.over_limits(buf)
  local mode = over and 'view' or 'live'
  local st = M.state[buf]
  if st and st.mode == mode then
    if mode == 'live' then -- options may have changed since: the process applies them
      require('pressmark.rpc').request('pressmark_buf_attach', buf, analysis_opts(buf, nil))
    end
    return mode
  end
  if st then
    M.detach(buf, true)
  end
  M.state[buf] = { mode = mode, batches = 0, dropped = 0, tick = -1 }
  local ok, err = pcall(function()
    if mode == 'view' then
      local name = vim.fn.fnamemodify(api.nvim_buf_get_name(buf), ':t')
      notify(
        ('%s is %.1f MB and %d lines (over max_bytes %.1f MB or max_lines %d): highlighting the visible lines only'):format(
          name ~= '' and name or ('buffer ' .. buf),
          bytes / 1048576,
          lines,
          opts.max_bytes / 1048576,
          opts.max_lines
        ),
        vim.log.levels.WARN
      )
      attach_view(buf)
    else
      require('pressmark.rpc').request('pressmark_buf_attach', buf, analysis_opts(buf, nil))
    end
  end)
  if not ok then
    M.state[buf] = nil
    error(err, 0)
  end
  return mode
end

--- Stops following a buffer and clears its highlights (notes stay).
---@param buf? integer
---@param quiet? boolean no error when the process is not running
function M.detach(buf, quiet)
  buf = resolve(buf)
  local rpc = require('pressmark.rpc')
  M.state[buf] = nil
  api.nvim_clear_autocmds({ group = view_group, buffer = buf })
  if rpc.status().running then
    local ok, err = pcall(rpc.request, 'pressmark_buf_detach', buf)
    if not ok and not quiet then
      error(err, 0)
    end
  end
  if api.nvim_buf_is_valid(buf) then
    M.clear(buf)
  end
end

--- Deletes the live highlights' marks; note marks (ids from 0x40000000,
--- see notes.lua) stay.
---@param buf integer
function M.clear(buf)
  for _, m in ipairs(api.nvim_buf_get_extmarks(buf, M.ns, 0, -1, {})) do
    if m[1] < 0x40000000 then
      api.nvim_buf_del_extmark(buf, M.ns, m[1])
    end
  end
end

--- Whether a buffer should be attached when read: a normal file buffer
--- whose filetype is in `filetypes` or whose name matches `patterns`.
---@param buf integer
---@return boolean
function M.wanted(buf)
  local opts = config.get()
  if not opts.highlights or M.disabled[buf] or vim.bo[buf].buftype ~= '' then
    return false
  end
  if vim.tbl_contains(opts.filetypes, vim.bo[buf].filetype) then
    return true
  end
  local name = api.nvim_buf_get_name(buf)
  for _, pat in ipairs(opts.patterns) do
    if name ~= '' and vim.fn.match(name, vim.fn.glob2regpat(pat)) >= 0 then
      return true
    end
  end
  return false
end

--- Autocommand callback (FileType, BufReadPost, BufNewFile): attaches
--- wanted buffers, reporting failures once as a message.
---@param buf integer
local scheduled = {}
function M.auto(buf)
  if M.state[buf] or scheduled[buf] then
    return
  end
  -- After the command that read the buffer has finished: reading bumps
  -- b:changedtick once more after BufReadPost without telling attached
  -- channels, which would make the first (whole-buffer) batch stale.  The
  -- filetype is known by then, too (BufReadPost can come before FileType).
  scheduled[buf] = true
  vim.schedule(function()
    scheduled[buf] = nil
    if M.state[buf] or not api.nvim_buf_is_loaded(buf) or not M.wanted(buf) then
      return
    end
    local ok, err = pcall(M.attach, buf)
    if not ok then
      notify(tostring(err):gsub('^pressmark: ', ''), vim.log.levels.ERROR)
    end
  end)
end

--- BufWipeout/BufUnload: the process lets go by itself (its attachment
--- ends); only our state goes.
---@param buf integer
function M.forget(buf)
  M.state[buf] = nil
  M.disabled[buf] = nil
end

return M
