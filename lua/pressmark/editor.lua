-- editor.lua - the note editor: a small floating window holding one note
-- as plain text, saved to the sidecar when written (:w) or closed.
--
--   # Quote (Manuel Valls): Nous allons créer 50 000 emplois
--   # :w or closing saves; lines starting with # are ignored
--   Verdict: false
--   Speaker: Manuel Valls
--   Source: https://example.org/report
--   Note:
--   free text, several lines
--
-- The note's place is tracked by an extmark of its own while the editor is
-- open, so edits to the article meanwhile, or a reload of the sidecar that
-- dropped the note (deleted on disk by someone else), never lose what is
-- being typed: the note is then made again at the tracked place.
local notes = require('pressmark.notes')
local rpc = require('pressmark.rpc')

local M = {}

local api = vim.api
local track_ns = api.nvim_create_namespace('pressmark_editor')

local function notify(msg, level)
  vim.notify('pressmark: ' .. msg, level or vim.log.levels.INFO)
end

--- The editor's text for a note (or a new one).
---@param fields table {verdict, speaker, sources, note}
---@param title string
---@return string[]
function M.render(fields, title)
  local lines = {
    '# ' .. title:gsub('\n', ' '),
    '# :w or closing saves the note; lines starting with # are ignored',
    '# verdicts: ' .. table.concat(notes.verdicts, ' '),
    'Verdict: ' .. (fields.verdict or ''),
    'Speaker: ' .. (fields.speaker or ''),
  }
  local sources = fields.sources or {}
  if #sources == 0 then
    table.insert(lines, 'Source: ')
  end
  for _, s in ipairs(sources) do
    table.insert(lines, 'Source: ' .. s)
  end
  table.insert(lines, 'Note:')
  for line in ((fields.note or '') .. '\n'):gmatch('(.-)\n') do
    table.insert(lines, line)
  end
  if lines[#lines] == '' and #lines > 0 and lines[#lines - 1] ~= 'Note:' then
    table.remove(lines)
  end
  return lines
end

--- Reads the editor's text back: {verdict, speaker, sources, note}, with
--- "" for emptied fields so that they are removed.
---@param lines string[]
---@return table|nil fields
---@return string|nil error
function M.parse(lines)
  local f = { verdict = '', speaker = '', sources = {}, note = '' }
  local body = nil
  for i, line in ipairs(lines) do
    if body then
      table.insert(body, line)
    elseif not line:match('^#') and not line:match('^%s*$') then
      local key, value = line:match('^(%a+):%s*(.-)%s*$')
      key = key and key:lower()
      if key == 'note' then
        body = {}
        if value ~= '' then
          table.insert(body, value)
        end
      elseif key == 'verdict' then
        f.verdict = value
      elseif key == 'speaker' then
        f.speaker = value
      elseif key == 'source' or key == 'sources' then
        if value ~= '' then
          table.insert(f.sources, value)
        end
      else
        return nil, ('line %d: expected Verdict:, Speaker:, Source: or Note:, got %q'):format(i, line)
      end
    end
  end
  if body then
    while #body > 0 and body[#body]:match('^%s*$') do
      table.remove(body)
    end
    while #body > 0 and body[1]:match('^%s*$') do
      table.remove(body, 1)
    end
    f.note = table.concat(body, '\n')
  end
  if f.verdict ~= '' and not vim.tbl_contains(notes.verdicts, f.verdict) then
    return nil, ('verdict %q: expected one of %s'):format(f.verdict, table.concat(notes.verdicts, ', '))
  end
  return f
end

---@class pressmark.EditorTarget
---@field buf integer the article buffer
---@field id? string the note, when it exists
---@field target string quote|claim|speaker|range
---@field start integer byte offset
---@field end integer byte offset
---@field title string
---@field fields table initial {verdict, speaker, sources, note}

-- Saves the editor's text.  True when saved (or nothing to save).
local function save(ed)
  local lines = api.nvim_buf_get_lines(ed.ebuf, 0, -1, false)
  local f, err = M.parse(lines)
  if not f then
    notify('note not saved: ' .. err, vim.log.levels.ERROR)
    return false
  end
  local t = ed.t
  local req = { verdict = f.verdict, speaker = f.speaker, sources = f.sources, note = f.note }
  -- A speaker left as it was pre-filled is no correction: not sent, so an
  -- existing note keeps its field and a new one gets the analyser's.
  if f.speaker == ((t.fields or {}).speaker or '') then
    req.speaker = nil
  end
  if t.id and notes.find(t.buf, t.id) then
    req.id = t.id
  else
    -- New, or deleted on disk while being edited: made at the tracked place.
    local m = api.nvim_buf_get_extmark_by_id(t.buf, track_ns, ed.mark, { details = true })
    if not m or not m[1] then
      notify('note not saved: its text is gone from the buffer', vim.log.levels.ERROR)
      return false
    end
    req.target = t.target
    req.start = rpc.pos_to_offset(t.buf, m[1], m[2])
    req['end'] = rpc.pos_to_offset(t.buf, m[3].end_row, m[3].end_col)
    if req['end'] <= req.start then
      notify('note not saved: its text is gone from the buffer', vim.log.levels.ERROR)
      return false
    end
  end
  local ok, res = pcall(notes.set, t.buf, req)
  if not ok then
    notify('note not saved: ' .. tostring(res):gsub('^pressmark: ', ''), vim.log.levels.ERROR)
    return false
  end
  t.id = res
  t.fields = vim.tbl_extend('force', t.fields or {}, { speaker = f.speaker })
  vim.bo[ed.ebuf].modified = false
  return true
end

--- Opens the editor for a note or a new one; returns the editor buffer.
---@param t pressmark.EditorTarget
---@return integer ebuf
function M.open(t)
  local ebuf = api.nvim_create_buf(false, true)
  api.nvim_buf_set_name(ebuf, ('pressmark://note/%d/%s'):format(ebuf, t.id or 'new'))
  vim.bo[ebuf].buftype = 'acwrite'
  -- 'hide', not 'wipe': :close and :q on a modified 'wipe' buffer stop at
  -- E37 before any autocommand could save it.  BufHidden wipes it once saved.
  vim.bo[ebuf].bufhidden = 'hide'
  vim.bo[ebuf].swapfile = false
  local lines = M.render(t.fields or {}, t.title)
  api.nvim_buf_set_lines(ebuf, 0, -1, false, lines)
  vim.bo[ebuf].modified = false
  vim.bo[ebuf].filetype = 'pressmark_note'

  local r1, c1 = rpc.offset_to_pos(t.buf, t.start)
  local r2, c2 = rpc.offset_to_pos(t.buf, t['end'])
  local ed = {
    ebuf = ebuf,
    t = t,
    mark = api.nvim_buf_set_extmark(t.buf, track_ns, r1, c1, { end_row = r2, end_col = c2 }),
  }

  local width = math.min(math.max(60, math.floor(vim.o.columns * 0.5)), vim.o.columns - 4)
  local height = math.min(math.max(#lines + 3, 10), math.max(vim.o.lines - 6, 5))
  local win = api.nvim_open_win(ebuf, true, {
    relative = 'editor',
    row = math.floor((vim.o.lines - height) / 2) - 1,
    col = math.floor((vim.o.columns - width) / 2),
    width = width,
    height = height,
    style = 'minimal',
    border = 'rounded',
  })
  vim.wo[win].wrap = true
  api.nvim_win_set_cursor(win, { #lines, 0 })

  local group = api.nvim_create_augroup('pressmark_editor_' .. ebuf, { clear = true })
  api.nvim_create_autocmd('BufWriteCmd', {
    group = group,
    buffer = ebuf,
    callback = function()
      save(ed)
    end,
  })
  -- Closing saves what was typed; a failed save keeps the text in the
  -- hidden buffer rather than losing it.
  api.nvim_create_autocmd('BufHidden', {
    group = group,
    buffer = ebuf,
    callback = function()
      if vim.bo[ebuf].modified and not save(ed) then
        notify(('your text is kept in buffer %d (:sbuffer %d)'):format(ebuf, ebuf), vim.log.levels.WARN)
        return
      end
      pcall(api.nvim_buf_del_extmark, t.buf, track_ns, ed.mark)
      pcall(api.nvim_del_augroup_by_id, group)
      vim.schedule(function()
        pcall(api.nvim_buf_delete, ebuf, { force = true })
      end)
    end,
  })
  vim.keymap.set('n', 'q', '<Cmd>close<CR>', { buffer = ebuf, desc = 'pressmark: save and close the note' })
  return ebuf
end

--- Saves an open editor buffer now (what :w does).
---@param ebuf integer
function M.write(ebuf)
  api.nvim_buf_call(ebuf, function()
    vim.cmd('write')
  end)
end

return M
