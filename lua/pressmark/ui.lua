-- ui.lua - the notes commands: :Pressmark note, verdict, show, delete,
-- speaker, dismiss, list, next and prev, and their <Plug> mappings.
--
-- Each command acts on a visual selection when it was given a range, else
-- on what is under the cursor (notes.item_at: a note, then a quote, a
-- speaker mention, then a claim), and says so plainly when there is
-- nothing there.
local notes = require('pressmark.notes')
local rpc = require('pressmark.rpc')

local M = {}

local api = vim.api

local function fail(msg)
  error('pressmark: ' .. msg, 0)
end

local function say(msg)
  vim.notify('pressmark: ' .. msg, vim.log.levels.INFO)
end

local NOTHING = 'nothing under the cursor (no note, quote, speaker or claim); select text in Visual mode to annotate it'

-- The selection of a ranged command as a byte span, or nil.  Marks '<
-- and '> are used when they match the range (a Visual selection);
-- otherwise the range is taken as whole lines.
local function selection(opts)
  if not opts or not opts.range or opts.range == 0 then
    return nil
  end
  local buf = api.nvim_get_current_buf()
  local s, e = vim.fn.getpos("'<"), vim.fn.getpos("'>")
  local mode = vim.fn.visualmode()
  local r1, c1, r2, c2
  if s[2] == opts.line1 and e[2] == opts.line2 and mode == 'v' then
    r1, c1, r2 = s[2] - 1, s[3] - 1, e[2] - 1
    local line = api.nvim_buf_get_lines(buf, r2, r2 + 1, true)[1]
    c2 = math.min(e[3], #line) -- past the last selected byte
    -- include the whole last character (multibyte)
    if c2 < #line and e[3] <= #line then
      local char = vim.fn.strpart(line, e[3] - 1, 1, true)
      c2 = e[3] - 1 + #char
    end
  else
    r1, c1, r2 = opts.line1 - 1, 0, opts.line2 - 1
    c2 = #api.nvim_buf_get_lines(buf, r2, r2 + 1, true)[1]
  end
  local start, stop = rpc.pos_to_offset(buf, r1, c1), rpc.pos_to_offset(buf, r2, c2)
  if stop <= start then
    fail('the selection is empty')
  end
  local text = table.concat(api.nvim_buf_get_text(buf, r1, c1, r2, c2, {}), '\n')
  return { item = 'range', start = start, ['end'] = stop, text = text }
end

-- What a command acts on: {item='note', note} | a detection | a range.
local function target(opts)
  local buf = api.nvim_get_current_buf()
  notes.get(buf)
  local sel = selection(opts)
  if sel then
    return sel
  end
  local cur = api.nvim_win_get_cursor(0)
  local it = notes.item_at(buf, cur[1] - 1, cur[2])
  if not it then
    fail(NOTHING)
  end
  return it
end

local function excerpt(s, n)
  s = (s or ''):gsub('%s+', ' ')
  if vim.fn.strchars(s) > n then
    s = vim.fn.strcharpart(s, 0, n - 1) .. '…'
  end
  return s
end

local function item_text(buf, it)
  if it.text then
    return it.text
  end
  local r1, c1 = rpc.offset_to_pos(buf, it.start)
  local r2, c2 = rpc.offset_to_pos(buf, it['end'])
  return table.concat(api.nvim_buf_get_text(buf, r1, c1, r2, c2, {}), '\n')
end

-- Applies `fields` to the note under the cursor or selection, making one
-- when there is none.  Returns the note id.
local function update(opts, fields)
  local buf = api.nvim_get_current_buf()
  local it = target(opts)
  local req = vim.deepcopy(fields)
  if it.item == 'note' then
    req.id = it.note.id
  else
    req.target = it.item
    req.start, req['end'] = it.start, it['end']
  end
  return notes.set(buf, req), it
end

--- :Pressmark note - opens the note editor on the note, detection or
--- selection under the cursor.
function M.note(_, opts)
  local buf = api.nvim_get_current_buf()
  local it = target(opts)
  local t = { buf = buf }
  if it.item == 'note' then
    local n = it.note
    local r1, c1, r2, c2 = notes.place(buf, n)
    t.id, t.target = n.id, n.target
    t.start, t['end'] = rpc.pos_to_offset(buf, r1, c1), rpc.pos_to_offset(buf, r2, c2)
    t.fields = n
    t.title = ('%s note %s: %s'):format(n.target, n.id, excerpt(n.exact, 50))
  else
    t.target, t.start, t['end'] = it.item, it.start, it['end']
    -- The analyser's speaker, pre-filled; left as is, the process records it
    -- itself when the note is made (|pressmark-note-speaker|).
    local detected = (it.item == 'quote' or it.item == 'claim') and type(it.speaker) == 'string' and it.speaker or nil
    t.fields = { speaker = detected }
    t.title = ('new %s note: %s'):format(it.item, excerpt(item_text(buf, it), 50))
  end
  return require('pressmark.editor').open(t)
end

--- :Pressmark verdict {value} - sets (or with "none" removes) the verdict.
function M.verdict(args, opts)
  local v = args[1]
  if not v then
    fail('usage: :Pressmark verdict {' .. table.concat(notes.verdicts, '|') .. '|none}')
  end
  if v ~= 'none' and not vim.tbl_contains(notes.verdicts, v) then
    fail(('verdict %q: expected one of %s or none'):format(v, table.concat(notes.verdicts, ', ')))
  end
  local id = update(opts, { verdict = v == 'none' and '' or v })
  say(('note %s: verdict %s'):format(id, v))
end

function M.complete_verdict(arglead)
  local out = {}
  for _, v in ipairs(vim.list_extend(vim.deepcopy(notes.verdicts), { 'none' })) do
    if vim.startswith(v, arglead) then
      table.insert(out, v)
    end
  end
  return out
end

--- :Pressmark speaker {name} - corrects or confirms who is speaking.
function M.speaker(args, opts)
  local name = vim.trim(table.concat(args, ' '))
  if name == '' then
    fail('usage: :Pressmark speaker {name} (or "none" to remove the correction)')
  end
  local id = update(opts, { speaker = name == 'none' and '' or name })
  say(('note %s: speaker %s'):format(id, name))
end

--- :Pressmark dismiss - this detection is wrong (not a quote / a claim);
--- run it again on a dismissed note to take that back.
function M.dismiss(_, opts)
  local it = target(opts)
  local undo = it.item == 'note' and it.note.dismissed
  if it.item == 'range' then
    fail('dismiss applies to a detection (quote, claim, speaker), not to a selection')
  end
  local id = update(opts, { dismissed = not undo })
  say(('note %s: %s'):format(id, undo and 'no longer dismissed' or 'detection dismissed'))
end

-- Notes that have no place: orphans and ambiguous anchors.
local function unplaced(buf)
  local out = {}
  for _, n in ipairs(notes.get(buf).notes) do
    if not notes.place(buf, n) then
      table.insert(out, n)
    end
  end
  return out
end

--- :Pressmark reattach [id] - gives an orphan note (or an ambiguous one) a
--- new place: the Visual selection, or the detection under the cursor.
--- The id may be left out when only one note has no place.
function M.reattach(args, opts)
  local buf = api.nvim_get_current_buf()
  local lost = unplaced(buf)
  local n
  if args[1] then
    for _, o in ipairs(lost) do
      if o.id == args[1] then
        n = o
      end
    end
    if not n then
      fail(('note %s: not an orphan of this buffer (:Pressmark list orphans)'):format(args[1]))
    end
  elseif #lost == 1 then
    n = lost[1]
  elseif #lost == 0 then
    fail('no orphan notes in this buffer')
  else
    fail(('%d orphan notes: name one, :Pressmark reattach {id} (<Tab> completes)'):format(#lost))
  end
  local it = target(opts)
  if it.item == 'note' then
    fail('there is already a note here: select the text to attach to')
  end
  notes.set(buf, { id = n.id, start = it.start, ['end'] = it['end'] })
  say(('note %s attached to « %s »'):format(n.id, excerpt(item_text(buf, it), 50)))
end

function M.complete_orphan(arglead)
  local ok, lost = pcall(unplaced, api.nvim_get_current_buf())
  local out = {}
  for _, n in ipairs(ok and lost or {}) do
    if vim.startswith(n.id, arglead) then
      table.insert(out, n.id)
    end
  end
  return out
end

--- :Pressmark delete - deletes the note under the cursor.
function M.delete(_, _)
  local buf = api.nvim_get_current_buf()
  notes.get(buf)
  local cur = api.nvim_win_get_cursor(0)
  local n = notes.note_at(buf, cur[1] - 1, cur[2])
  if not n then
    fail('no note under the cursor')
  end
  notes.del(buf, n.id)
  say(('note %s deleted'):format(n.id))
end

local function show_lines(buf, it)
  local lines = {}
  local function add(s)
    for l in (s .. '\n'):gmatch('(.-)\n') do
      table.insert(lines, l)
    end
  end
  local n = it.item == 'note' and it.note or nil
  local det = it
  if n then
    -- the detection under the note, for the speaker and reasons
    local r1, c1 = notes.place(buf, n)
    local ok, found = pcall(function()
      local a = notes.analysis(buf, r1, c1)
      for _, kind in ipairs({ 'quotes', 'speakers', 'claims' }) do
        for _, i in ipairs(a[kind] or {}) do
          if i.row == r1 and i.col == c1 then
            return i
          end
        end
      end
    end)
    det = ok and found or {}
  end
  local kind = n and n.target or it.item
  add(('%s%s'):format(kind:sub(1, 1):upper() .. kind:sub(2), n and (' (note ' .. n.id .. ', ' .. n.outcome .. ')') or ''))
  add('« ' .. excerpt(n and n.exact or item_text(buf, it), 200) .. ' »')
  if n and n.dismissed then
    add('Dismissed: this detection is marked wrong')
  end
  local who = n and n.speaker or (type(det.speaker) == 'string' and det.speaker or nil)
  if who then
    local how = {}
    if n and n.speaker then
      table.insert(how, n.speaker == det.speaker and 'confirmed by a note' or 'corrected by a note')
    end
    if type(det.mention) == 'string' then
      table.insert(how, 'mention “' .. det.mention .. '”')
    end
    if type(det.how) == 'string' then
      table.insert(how, 'found by ' .. det.how)
    end
    if type(det.stance) == 'string' and det.stance ~= 'none' then
      table.insert(how, 'stance ' .. det.stance)
    end
    add('Speaker: ' .. who .. (#how > 0 and ' (' .. table.concat(how, ', ') .. ')' or ''))
  elseif det.item == 'quote' then
    add('Speaker: unknown')
  end
  if type(det.reasons) == 'table' and #det.reasons > 0 then
    add(('Claim: score %s%%, reasons: %s'):format(tostring(det.score or '?'), table.concat(det.reasons, ', ')))
  end
  if n then
    if n.verdict then
      add('Verdict: ' .. n.verdict)
    end
    if n.note and n.note ~= '' then
      add('Note:')
      add(n.note)
    end
    for _, s in ipairs(n.sources or {}) do
      add('Source: ' .. s)
    end
    add(('— %s, %s'):format(n.author or '?', n.updated or n.created or '?'))
  else
    add('No note yet: :Pressmark note')
  end
  return lines
end

--- :Pressmark show - a float with the quote, its speaker and how it was
--- found, the claim's reasons and the note.  Returns the float's window.
function M.show(_, opts)
  local buf = api.nvim_get_current_buf()
  local it = target(opts)
  local lines = show_lines(buf, it)
  local _, win = vim.lsp.util.open_floating_preview(lines, 'text', {
    border = 'rounded',
    focus_id = 'pressmark_show',
    max_width = math.max(40, math.floor(vim.o.columns * 0.6)),
  })
  -- wrap at word boundaries: notes are prose
  vim.wo[win].wrap = true
  vim.wo[win].linebreak = true
  return win
end

M.kinds = { 'notes', 'quotes', 'claims', 'speakers', 'orphans' }

local function complete_kind(arglead)
  return vim.tbl_filter(function(k)
    return vim.startswith(k, arglead)
  end, M.kinds)
end
M.complete_kind = complete_kind

-- Items of a kind, in text order: {row, col, end_row, end_col, text}.
local function items(buf, kind)
  local out = {}
  if kind == 'notes' or kind == 'orphans' then
    local st = notes.get(buf)
    for _, n in ipairs(st.notes) do
      local r1, c1, r2, c2 = notes.place(buf, n)
      local label = n.verdict and ('[' .. n.verdict .. '] ') or ''
      if n.dismissed then
        label = '[dismissed] '
      end
      if kind == 'notes' and r1 then
        table.insert(out, { row = r1, col = c1, end_row = r2, end_col = c2, text = label .. excerpt(n.note ~= nil and n.note ~= '' and n.note or n.exact, 80) })
      elseif kind == 'orphans' and not r1 then
        local row = math.max((n.line or 1) - 1, 0)
        row = math.min(row, api.nvim_buf_line_count(buf) - 1)
        table.insert(out, { row = row, col = 0, text = ('%s note %s: « %s »'):format(n.outcome, n.id, excerpt(n.exact, 60)) })
      end
    end
  else
    local a = notes.analysis(buf)
    for _, i in ipairs(a[kind] or {}) do
      local text
      if kind == 'quotes' then
        text = ('%s%s: « %s »'):format(i.kind or 'quote', type(i.speaker) == 'string' and (' (' .. i.speaker .. ')') or '', excerpt(item_text(buf, i), 70))
      elseif kind == 'claims' then
        text = ('claim %s%%: %s'):format(tostring(i.score or '?'), excerpt(item_text(buf, i), 70))
      else
        text = ('%s → %s'):format(excerpt(item_text(buf, i), 30), type(i.speaker) == 'string' and i.speaker or '?')
      end
      table.insert(out, { row = i.row, col = i.col, end_row = i.end_row, end_col = i.end_col, text = text })
    end
  end
  table.sort(out, function(a, b)
    return a.row < b.row or (a.row == b.row and a.col < b.col)
  end)
  return out
end
M.items = items

--- :Pressmark list [notes|quotes|claims|speakers|orphans] - fills the
--- window's location list (and opens it).
function M.list(args, _)
  local kind = args[1] or 'notes'
  if not vim.tbl_contains(M.kinds, kind) then
    fail(('list %q: expected one of %s'):format(kind, table.concat(M.kinds, ', ')))
  end
  local buf = api.nvim_get_current_buf()
  local list = {}
  for _, i in ipairs(items(buf, kind)) do
    table.insert(list, {
      bufnr = buf,
      lnum = i.row + 1,
      col = i.col + 1,
      end_lnum = i.end_row and i.end_row + 1 or nil,
      end_col = i.end_col and i.end_col + 1 or nil,
      text = i.text,
    })
  end
  vim.fn.setloclist(0, {}, ' ', { title = 'pressmark ' .. kind, items = list })
  if #list == 0 then
    say('no ' .. kind)
    return
  end
  vim.cmd('lopen')
  vim.cmd('wincmd p')
end

local function jump(args, dir)
  local kind = args[1] or 'notes'
  if not vim.tbl_contains(M.kinds, kind) or kind == 'orphans' then
    fail(('%s %q: expected one of notes, quotes, claims, speakers'):format(dir > 0 and 'next' or 'prev', kind))
  end
  local buf = api.nvim_get_current_buf()
  local list = items(buf, kind)
  if #list == 0 then
    fail('no ' .. kind .. ' in this buffer')
  end
  local cur = api.nvim_win_get_cursor(0)
  local row, col = cur[1] - 1, cur[2]
  local pick
  if dir > 0 then
    for _, i in ipairs(list) do
      if i.row > row or (i.row == row and i.col > col) then
        pick = i
        break
      end
    end
    pick = pick or list[1] -- wraps around, as ]d does
  else
    for k = #list, 1, -1 do
      local i = list[k]
      if i.row < row or (i.row == row and i.col < col) then
        pick = i
        break
      end
    end
    pick = pick or list[#list]
  end
  vim.cmd("normal! m'")
  api.nvim_win_set_cursor(0, { pick.row + 1, pick.col })
end

function M.next(args)
  jump(args, 1)
end

function M.prev(args)
  jump(args, -1)
end

--- The suggested mappings (setup{mappings = true}); see
--- |pressmark-mappings|.
function M.default_mappings()
  local maps = {
    { { 'n', 'x' }, '<Leader>pn', 'note' },
    { 'n', '<Leader>ps', 'show' },
    { 'n', '<Leader>pd', 'delete' },
    { 'n', '<Leader>px', 'dismiss' },
    { 'n', '<Leader>pl', 'list' },
    { 'n', ']n', 'next' },
    { 'n', '[n', 'prev' },
  }
  for _, m in ipairs(maps) do
    vim.keymap.set(m[1], m[2], '<Plug>(pressmark-' .. m[3] .. ')', { desc = 'pressmark: ' .. m[3] })
  end
end

--- Registers the subcommands with :Pressmark (init.lua passes itself).
---@param pm table the pressmark module
function M.register(pm)
  local function sub(name, desc, run, complete)
    pm.subcommand(name, { desc = desc, run = run, complete = complete })
  end
  sub('note', 'edit the note on the quote/claim under the cursor or the selection', M.note)
  sub('verdict', 'set the verdict: :Pressmark verdict {value|none}', M.verdict, M.complete_verdict)
  sub('show', 'float with the quote, speaker, how it was found, reasons, note', M.show)
  sub('delete', 'delete the note under the cursor', M.delete)
  sub('speaker', 'correct the speaker: :Pressmark speaker {name}', M.speaker)
  sub('dismiss', 'mark the detection under the cursor as wrong (again: undo)', M.dismiss)
  sub('reattach', 'give an orphan note a new place: the selection or the detection under the cursor', M.reattach, M.complete_orphan)
  sub('list', 'location list: :Pressmark list [notes|quotes|claims|speakers|orphans]', M.list, complete_kind)
  sub('next', 'next note (or :Pressmark next quotes|claims|speakers)', M.next, complete_kind)
  sub('prev', 'previous note (or :Pressmark prev quotes|claims|speakers)', M.prev, complete_kind)
end

return M
