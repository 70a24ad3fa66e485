-- notes.lua - a buffer's fact-check notes: the sidecar lifecycle, the
-- notes drawn as extmarks, and what lies under the cursor.
--
-- The process holds each buffer's sidecar (src/server/handlers_note.c) and
-- answers every load, change and reload with the buffer's whole note state;
-- this module keeps the last state and draws it.  Once drawn, a note's
-- place is its extmark, which Neovim moves with every edit, so positions
-- are always read back from the marks, never from the stale state.
--
-- Positions: the process sends start/end byte offsets (lines joined with
-- "\n") and row/col/end_row/end_col, 0-based with byte columns, as
-- extmarks take them (|pressmark-positions|).
local config = require('pressmark.config')
local rpc = require('pressmark.rpc')

local M = {}

local api = vim.api

M.ns = api.nvim_create_namespace('pressmark')
-- Note marks use ids from this base so that they never collide with the
-- ids the live highlights choose in the same namespace.
local ID_BASE = 0x40000000

M.verdicts = { 'true', 'mostly-true', 'mixed', 'misleading', 'false', 'unverifiable', 'opinion' }

local verdict_groups = {
  ['true'] = 'PressmarkVerdictTrue',
  ['mostly-true'] = 'PressmarkVerdictMostlyTrue',
  mixed = 'PressmarkVerdictMixed',
  misleading = 'PressmarkVerdictMisleading',
  ['false'] = 'PressmarkVerdictFalse',
  unverifiable = 'PressmarkVerdictUnverifiable',
  opinion = 'PressmarkVerdictOpinion',
}

--- The highlight group of a verdict's badge.
---@param verdict string
---@return string
function M.verdict_group(verdict)
  return verdict_groups[verdict] or 'PressmarkNote'
end

-- The live-highlight module defines these too (same names, same default
-- links); `default` means whichever runs first wins and users override.
local function define_groups()
  local links = {
    PressmarkNote = 'Underlined',
    PressmarkVerdictTrue = 'DiagnosticOk',
    PressmarkVerdictMostlyTrue = 'DiagnosticOk',
    PressmarkVerdictMixed = 'DiagnosticWarn',
    PressmarkVerdictMisleading = 'DiagnosticWarn',
    PressmarkVerdictFalse = 'DiagnosticError',
    PressmarkVerdictUnverifiable = 'DiagnosticInfo',
    PressmarkVerdictOpinion = 'DiagnosticHint',
    PressmarkSign = 'SignColumn',
  }
  for group, target in pairs(links) do
    if vim.fn.hlexists(target) == 0 then
      target = target == 'DiagnosticOk' and 'DiagnosticInfo' or 'Comment'
    end
    vim.cmd(('highlight default link %s %s'):format(group, target))
  end
end

---@class pressmark.Note
---@field id string
---@field target string quote|claim|speaker|range
---@field exact string
---@field outcome string anchored|moved|fuzzy|ambiguous|orphan
---@field verdict? string
---@field speaker? string
---@field dismissed boolean
---@field note? string
---@field sources string[]
---@field author? string
---@field created? string
---@field updated? string
---@field line integer the 1-based line hint
---@field row? integer 0-based, when placed
---@field col? integer
---@field end_row? integer
---@field end_col? integer
---@field mark? integer extmark id, when drawn

---@class pressmark.BufNotes
---@field path string the sidecar
---@field article string
---@field notes pressmark.Note[]
---@field error? string the load error (file:line:col: ...), sidecar left untouched
---@field unsaved? boolean the process holds changes its last save could not write
---@field announced table<string, boolean> orphan ids already announced
---@field marks integer[]

---@type table<integer, pressmark.BufNotes>
M.state = {}

-- Inside an autocommand, Neovim 0.7's vim.notify at ERROR level goes
-- through nvim_err_writeln, which prints "Error detected while
-- processing BufEnter Autocommands" above the message: errors raised
-- while `in_autocmd` is set are deferred until the autocommand is over.
local in_autocmd = false

local function notify(msg, level)
  msg = 'pressmark: ' .. msg
  level = level or vim.log.levels.INFO
  if in_autocmd and level >= vim.log.levels.ERROR then
    vim.schedule(function()
      vim.notify(msg, level)
    end)
  else
    vim.notify(msg, level)
  end
end

local author_cache = nil

--- The author written into new notes: setup{author}, else `git config
--- user.name`, else $USER.
---@return string|nil
function M.author()
  local opt = config.get().author
  if opt and opt ~= '' then
    return opt
  end
  if author_cache == nil then
    author_cache = ''
    if vim.fn.executable('git') == 1 then
      local out = vim.fn.systemlist({ 'git', 'config', 'user.name' })
      if vim.v.shell_error == 0 and out[1] and out[1] ~= '' then
        author_cache = out[1]
      end
    end
    if author_cache == '' then
      author_cache = os.getenv('USER') or ''
    end
  end
  return author_cache ~= '' and author_cache or nil
end

--- The article path of a buffer, or nil for buffers that are no file.
---@param buf integer
---@return string|nil
function M.article_path(buf)
  if vim.bo[buf].buftype ~= '' then
    return nil
  end
  local name = api.nvim_buf_get_name(buf)
  if name == '' then
    return nil
  end
  return vim.fn.fnamemodify(name, ':p')
end

local function resolve(buf)
  return (buf == nil or buf == 0) and api.nvim_get_current_buf() or buf
end

-- Clamps an end position past the last line (the text's final "\n").
local function clamp(buf, row, col)
  local n = api.nvim_buf_line_count(buf)
  if row >= n then
    row = n - 1
    col = #(api.nvim_buf_get_lines(buf, row, row + 1, true)[1])
  end
  return row, col
end

local function sign_for(n)
  if n.dismissed then
    return 'X'
  end
  if n.verdict then
    return n.verdict:sub(1, 1) == 'f' and 'F' or n.verdict:sub(1, 1) == 't' and 'T' or 'V'
  end
  return 'N'
end

--- Draws the buffer's notes from its state: one extmark per placed note
--- (PressmarkNote over its text, a sign, a verdict badge at the end of the
--- line), replacing the previous note marks and nothing else.
---@param buf integer
function M.draw(buf)
  local st = M.state[buf]
  if not st or not api.nvim_buf_is_loaded(buf) then
    return
  end
  define_groups()
  for _, id in ipairs(st.marks) do
    api.nvim_buf_del_extmark(buf, M.ns, id)
  end
  st.marks = {}
  local opts = config.get()
  for i, n in ipairs(st.notes) do
    n.mark = nil
    if n.row then
      local er, ec = clamp(buf, n.end_row, n.end_col)
      local o = {
        id = ID_BASE + i,
        end_row = er,
        end_col = ec,
        hl_group = 'PressmarkNote',
        priority = 210,
      }
      if opts.signs then
        o.sign_text = sign_for(n)
        o.sign_hl_group = n.verdict and M.verdict_group(n.verdict) or 'PressmarkSign'
      end
      if opts.badges and (n.verdict or n.dismissed) then
        local label = n.dismissed and 'dismissed' or n.verdict
        o.virt_text = { { '[' .. label .. ']', n.verdict and M.verdict_group(n.verdict) or 'Comment' } }
        o.virt_text_pos = 'eol'
      end
      local ok, mark = pcall(api.nvim_buf_set_extmark, buf, M.ns, n.row, n.col, o)
      if ok then
        n.mark = mark
        table.insert(st.marks, mark)
      end
    end
  end
end

--- The note's current place (its extmark, moved by edits since), or nil
--- for an orphan.
---@return integer|nil row, integer col, integer end_row, integer end_col
function M.place(buf, n)
  if not n.mark then
    return nil
  end
  local m = api.nvim_buf_get_extmark_by_id(buf, M.ns, n.mark, { details = true })
  if not m or not m[1] then
    return nil
  end
  local d = m[3] or {}
  return m[1], m[2], d.end_row or m[1], d.end_col or m[2]
end

-- Orphans (and ambiguous anchors) are announced once per note id.
local function announce(buf, st)
  local fresh = {}
  for _, n in ipairs(st.notes) do
    if (n.outcome == 'orphan' or n.outcome == 'ambiguous') and not st.announced[n.id] then
      st.announced[n.id] = true
      table.insert(fresh, n)
    end
  end
  if #fresh > 0 then
    notify(
      ('%d note%s could not be placed in %s (text not found or ambiguous): :Pressmark list orphans, then :Pressmark reattach'):format(
        #fresh,
        #fresh == 1 and '' or 's',
        vim.fn.fnamemodify(api.nvim_buf_get_name(buf), ':t')
      ),
      vim.log.levels.WARN
    )
  end
end

-- Takes a state reply from the process: keeps it, draws it, reports.
local function apply(buf, res)
  local st = M.state[buf] or { announced = {}, marks = {} }
  local old_error = st.error
  local was_unsaved = st.unsaved
  st.path, st.article, st.error = res.path, res.article, res.error
  st.unsaved = res.unsaved == true
  st.notes = res.notes or {}
  M.state[buf] = st
  M.draw(buf)
  if st.error and st.error ~= old_error then
    notify(st.error .. ' (the sidecar is left untouched until you fix it)', vim.log.levels.ERROR)
  end
  if st.unsaved and not was_unsaved then
    notify(
      ('notes of %s not saved yet: they are kept here and saved again at the next change or focus'):format(
        vim.fn.fnamemodify(res.path or '', ':t')
      ),
      vim.log.levels.WARN
    )
  end
  announce(buf, st)
  if vim.fn.exists('#User#PressmarkNotes') == 1 then
    api.nvim_exec_autocmds('User', { pattern = 'PressmarkNotes', modeline = false })
  end
  return st
end

--- Loads (or reloads) the sidecar of a buffer's article, re-anchors its
--- notes against the buffer's text and draws them.  A broken sidecar is
--- reported with file:line:col and never written.
---@param buf? integer 0/nil = current
---@return pressmark.BufNotes|nil
function M.load(buf)
  buf = resolve(buf)
  local path = M.article_path(buf)
  if not path then
    return nil
  end
  local res = rpc.request('pressmark_sidecar_load', buf, path, { author = M.author() })
  return apply(buf, res)
end

--- The buffer's notes state, loading the sidecar on first need.  Throws
--- for a buffer that is not a file.
---@param buf? integer
---@return pressmark.BufNotes
function M.get(buf)
  buf = resolve(buf)
  local st = M.state[buf]
  if st and M.article_path(buf) == st.article then
    return st
  end
  st = M.load(buf)
  if not st then
    error('pressmark: this buffer is not a file: notes live beside an article file (write it first)', 0)
  end
  return st
end

-- Calls a method that needs the buffer's sidecar loaded in the process.
-- A process started anew (after a crash or :Pressmark restart) has none:
-- load it again and retry once.
local function request_loaded(buf, method, ...)
  local ok, res = pcall(rpc.request, method, buf, ...)
  if ok then
    return res
  end
  if not tostring(res):find('has no sidecar loaded', 1, true) then
    error(res, 0)
  end
  M.load(buf)
  return rpc.request(method, buf, ...)
end

--- Reloads the sidecar when its file changed on disk (git pull, another
--- editor).  Cheap when nothing changed: one stat in the process.
---@param buf? integer
---@return boolean changed
function M.check(buf)
  buf = resolve(buf)
  if not M.state[buf] then
    return false
  end
  local res = request_loaded(buf, 'pressmark_sidecar_check')
  local st = M.state[buf]
  if res.conflict and res.conflict ~= st.conflict then
    notify(res.conflict .. ' (your change is kept here; resolve the file, or redo the change)', vim.log.levels.ERROR)
  end
  st.conflict = res.conflict
  if res.save_error and res.save_error ~= st.save_error then
    notify(res.save_error .. ' (your notes are kept here; saved again at the next check)', vim.log.levels.ERROR)
  end
  st.save_error = res.save_error
  if res.unsaved ~= nil then
    st.unsaved = res.unsaved
  end
  if res.changed then
    apply(buf, res)
    if not res.error then
      notify('notes reloaded: ' .. vim.fn.fnamemodify(res.path, ':t') .. ' changed on disk')
    end
  end
  return res.changed
end

--- Creates or updates a note and saves the sidecar at once.  `note` takes
--- id (to update), target and start/end byte offsets (to create or move),
--- verdict, speaker, note, sources, dismissed; "" removes a field.
---@param buf? integer
---@param note table
---@return string id
function M.set(buf, note)
  buf = resolve(buf)
  M.get(buf)
  local res = request_loaded(buf, 'pressmark_note_set', note)
  apply(buf, res)
  return res.id
end

--- Deletes a note and saves the sidecar.
---@param buf? integer
---@param id string
function M.del(buf, id)
  buf = resolve(buf)
  M.get(buf)
  apply(buf, request_loaded(buf, 'pressmark_note_del', id))
end

--- The note with this id, or nil.
---@return pressmark.Note|nil
function M.find(buf, id)
  local st = M.state[resolve(buf)]
  for _, n in ipairs(st and st.notes or {}) do
    if n.id == id then
      return n
    end
  end
end

-- Whether (row, col) lies in [r1:c1, r2:c2), or on a one-line empty end.
local function covers(r1, c1, r2, c2, row, col)
  if row < r1 or row > r2 then
    return false
  end
  if row == r1 and col < c1 then
    return false
  end
  if row == r2 and col >= c2 then
    return false
  end
  return true
end

--- The placed note under (row, col), 0-based; the innermost one.
---@return pressmark.Note|nil
function M.note_at(buf, row, col)
  buf = resolve(buf)
  local st = M.state[buf]
  local best, best_size
  for _, n in ipairs(st and st.notes or {}) do
    local r1, c1, r2, c2 = M.place(buf, n)
    if r1 and covers(r1, c1, r2, c2, row, col) then
      local size = (r2 - r1) * 1e6 + (c2 - c1)
      if not best or size < best_size then
        best, best_size = n, size
      end
    end
  end
  return best
end

-- Items come in two shapes: from the live highlights (pressmark_item_get
-- and _items_get: kind = quote|claim|speaker, quote_kind, speaker = {name,
-- mention, how, stance}, fractions) and from pressmark_analysis_get (item,
-- kind = the quote's kind, flat speaker fields, percentages, offsets).
-- This makes the first look like the second.
local function normalize(buf, it)
  if it.item == nil then
    it.item, it.kind = it.kind, it.quote_kind
    if type(it.speaker) == 'table' then
      local sp = it.speaker
      it.speaker, it.mention, it.how, it.stance = sp.name, sp.mention, sp.how, sp.stance
    end
    for _, k in ipairs({ 'score', 'confidence' }) do
      if type(it[k]) == 'number' and it[k] <= 1 then
        it[k] = math.floor(it[k] * 100 + 0.5)
      end
    end
  end
  if it.start == nil then
    it.start = rpc.pos_to_offset(buf, it.row, it.col)
    it['end'] = rpc.pos_to_offset(buf, it.end_row, it.end_col)
  end
  return it
end

--- The detections of the whole buffer: {quotes, claims, speakers}, each
--- item with row/col/end_row/end_col (0-based), start/end offsets and its
--- details.  Uses the live highlights' cache (pressmark_items_get) when the
--- buffer is attached, else analyses the buffer once (pressmark_analysis_get).
--- With (row, col), the analysis may keep only the items covering it.
---@param buf? integer
---@param row? integer
---@param col? integer
---@return {quotes: table[], claims: table[], speakers: table[]}
function M.analysis(buf, row, col)
  buf = resolve(buf)
  local out = {}
  for _, kind in ipairs({ 'quotes', 'claims', 'speakers' }) do
    local ok, items = pcall(rpc.request, 'pressmark_items_get', buf, kind)
    if not ok or type(items) ~= 'table' then
      if row then
        out = rpc.request('pressmark_analysis_get', buf, row, col)
      else
        out = rpc.request('pressmark_analysis_get', buf)
      end
      break
    end
    out[kind] = items
  end
  for _, items in pairs(out) do
    for _, it in ipairs(items) do
      normalize(buf, it)
    end
  end
  return out
end

--- What lies under (row, col): an existing note first, then a quote, a
--- speaker mention, then a claim.  Returns nil when nothing does.
---@return table|nil item {item = 'note'|'quote'|'speaker'|'claim', ...}
function M.item_at(buf, row, col)
  buf = resolve(buf)
  local n = M.note_at(buf, row, col)
  if n then
    return { item = 'note', note = n }
  end
  local ok, it = pcall(rpc.request, 'pressmark_item_get', buf, row, col)
  if ok then -- attached: the live highlights' answer is the whole answer
    return type(it) == 'table' and next(it) and normalize(buf, it) or nil
  end
  local a = M.analysis(buf, row, col)
  for _, kind in ipairs({ 'quotes', 'speakers', 'claims' }) do
    -- the innermost: a quotation inside the reported clause that holds it
    -- (as pressmark_item_get answers)
    local best
    for _, i in ipairs(a[kind] or {}) do
      if covers(i.row, i.col, i.end_row, i.end_col, row, col) and
          (not best or (i['end'] or 0) - (i.start or 0) < (best['end'] or 0) - (best.start or 0)) then
        best = i
      end
    end
    if best then
      return best
    end
  end
  return nil
end

--- Forgets a buffer (BufWipeout): its marks and the process's copy.
---@param buf integer
function M.forget(buf)
  if not M.state[buf] then
    return
  end
  M.state[buf] = nil
  if rpc.status().running then
    pcall(rpc.request, 'pressmark_sidecar_detach', buf)
  end
end

--- After :w: the sidecar's article.sha256 follows the file on disk (its
--- bytes, CRLF and BOM included).  A buffer written under a new name
--- loads that name's sidecar instead.
---@param buf integer
function M.written(buf)
  local st = M.state[buf]
  if not st then
    return
  end
  if M.article_path(buf) ~= st.article then
    M.load(buf)
    return
  end
  local ok, err = pcall(request_loaded, buf, 'pressmark_article_hash')
  if not ok then
    notify(tostring(err):gsub('^pressmark: ', ''), vim.log.levels.WARN)
  end
end

--- Whether the sidecar of this buffer should be loaded when it is read:
--- articles (the `filetypes` option: text and markdown by default) and
--- any file that already has a sidecar.
---@param buf integer
---@return boolean
function M.wanted(buf)
  local path = M.article_path(buf)
  if not path then
    return false
  end
  local uv = vim.uv or vim.loop
  if uv.fs_stat(path .. '.factcheck.yaml') then
    return true
  end
  local ft = vim.bo[buf].filetype
  return vim.tbl_contains(config.get().filetypes or { 'text', 'markdown' }, ft)
end

-- The last error guarded() reported for each buffer.
local reported = {}

-- Runs f(buf) from an autocommand, reporting errors with vim.notify after
-- the autocommand instead of raising them in it, and only when the error
-- differs from the one last reported for this buffer (BufEnter and
-- CursorHold would otherwise repeat it on every move).
local function guarded(f, buf)
  local was = in_autocmd
  in_autocmd = true
  local ok, err = pcall(f, buf)
  in_autocmd = was
  if ok then
    reported[buf] = nil
    return
  end
  local msg = tostring(err):gsub('^pressmark: ', '')
  if reported[buf] ~= msg then
    reported[buf] = msg
    in_autocmd = true
    notify(msg, vim.log.levels.ERROR)
    in_autocmd = was
  end
end

--- The buffers whose notes the process could not save (disk full,
--- read-only folder, a conflict), after one more try for each.
---@return integer[]
function M.unsaved()
  local out = {}
  for buf, st in pairs(M.state) do
    -- one stat when all is saved; a failed save is tried again
    if api.nvim_buf_is_valid(buf) then
      pcall(M.check, buf)
    end
    if st.unsaved then
      table.insert(out, buf)
    end
  end
  table.sort(out)
  return out
end

--- VimLeavePre: the notes are saved at every change, so only a failed
--- save can leave some behind; say which files lack them.
function M.on_leave()
  local ok, bufs = pcall(M.unsaved)
  if not ok or #bufs == 0 then
    return
  end
  local names = {}
  for _, buf in ipairs(bufs) do
    table.insert(names, vim.fn.fnamemodify(M.state[buf].path or api.nvim_buf_get_name(buf), ':~:.'))
  end
  notify(
    ('notes not saved, lost on exit: %s (free the disk or fix the folder, then :e the article)'):format(
      table.concat(names, ', ')
    ),
    vim.log.levels.WARN
  )
end

-- Only buffers with notes load this module, so the exit check costs
-- nothing elsewhere.
api.nvim_create_autocmd('VimLeavePre', {
  group = api.nvim_create_augroup('pressmark_notes_leave', { clear = true }),
  callback = function()
    M.on_leave()
  end,
})

-- Autocommand handlers; plugin/pressmark.lua defines the autocommands
-- and requires this module inside them.

--- BufReadPost/FileType: loads the sidecar of an article (after the read's
--- own FileType and modelines have run).
function M.on_read(ev)
  local buf = ev.buf
  if ev.event == 'FileType' and M.state[buf] then
    return
  end
  vim.schedule(function()
    if api.nvim_buf_is_valid(buf) and (ev.event == 'BufReadPost' or not M.state[buf]) and M.wanted(buf) then
      guarded(M.load, buf)
    end
  end)
end

--- BufWritePost.
function M.on_write(ev)
  guarded(M.written, ev.buf)
end

--- FocusGained/BufEnter/CursorHold: reload when the sidecar changed.
function M.on_focus(ev)
  if M.state[ev.buf] then
    guarded(M.check, ev.buf)
  end
end

--- BufWipeout.
function M.on_wipe(ev)
  reported[ev.buf] = nil
  M.forget(ev.buf)
end

--- ColorScheme: the default links again, after :highlight clear.
M.on_colorscheme = define_groups

return M
