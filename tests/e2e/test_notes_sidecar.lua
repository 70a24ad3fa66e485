-- test_notes_sidecar.lua - the sidecar lifecycle in a real headless
-- Neovim: load on BufRead with re-anchoring, orphans announced once,
-- reload when the file changes on disk (the way git replaces it), a broken
-- sidecar reported with file:line:col and never overwritten, no lost
-- update, the article digest after :w, CRLF and BOM articles.
local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
local notes = require('pressmark.notes')
local api = vim.api

require('pressmark').setup({ author = 'Test Author' })

local ARTICLE = table.concat({
  'Le maire a promis : « Nous rouvrirons la piscine municipale avant l’été », selon Paul Girard.',
  '',
  'The council said that the pool had cost 3 million euros since 2019.',
}, '\n') .. '\n'
local QUOTE = 'Nous rouvrirons la piscine municipale avant l’été'

local function notices_matching(pattern, from)
  local out = {}
  for i = from or 1, #T.notices do
    if T.notices[i].msg:find(pattern) then
      table.insert(out, T.notices[i])
    end
  end
  return out
end

local function note_marks(buf)
  local out = {}
  for _, m in ipairs(api.nvim_buf_get_extmarks(buf, notes.ns, 0, -1, { details = true })) do
    if m[4].hl_group == 'PressmarkNote' then
      table.insert(out, m)
    end
  end
  return out
end

-- A sidecar written by hand (as a colleague's pressmark or git would).
local function yaml(notes_yaml)
  return 'pressmark: 1\narticle:\n  path: article.txt\nnotes:\n' .. notes_yaml
end

local function note_yaml(id, exact, verdict, line, extra)
  return ('  - id: %s\n    target: quote\n    anchor:\n      exact: "%s"\n      line: %d\n      col: 0\n'
    .. '    verdict: %s\n%s    created: "2026-01-02T03:04:05Z"\n    updated: "2026-01-02T03:04:05Z"\n'):format(
    id, exact, line, verdict, extra or '')
end

-- Replaces a file by rename, as git checkout and atomic savers do.
local function replace(path, text)
  T.write(vim.fn.fnamemodify(path, ':t') .. '.tmp', text)
  assert(os.rename(T.tmp .. '/' .. vim.fn.fnamemodify(path, ':t') .. '.tmp', path))
end

local n_dir = 0
local function open(article, sidecar_text)
  n_dir = n_dir + 1
  vim.cmd('silent! %bwipeout!')
  local dir = T.tmp .. '/sc' .. n_dir
  vim.fn.mkdir(dir, 'p')
  local path = dir .. '/article.txt'
  local f = assert(io.open(path, 'wb'))
  f:write(article or ARTICLE)
  f:close()
  if sidecar_text then
    f = assert(io.open(path .. '.factcheck.yaml', 'wb'))
    f:write(sidecar_text)
    f:close()
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = api.nvim_get_current_buf()
  T.wait(5000, function()
    return notes.state[buf] ~= nil
  end, 'the sidecar to load')
  return path, buf
end

T.test('BufRead loads the sidecar, re-anchors moved notes and draws them', function()
  local sc = yaml(note_yaml('aaaa0001', QUOTE, 'misleading', 7))
  local path, buf = open(ARTICLE, sc)
  local st = notes.state[buf]
  T.eq(#st.notes, 1)
  T.eq(st.notes[1].outcome, 'moved', 'the hint said line 7')
  local line = api.nvim_buf_get_lines(buf, 0, 1, true)[1]
  local col = line:find(QUOTE, 1, true) - 1
  local m = note_marks(buf)
  T.eq({ m[1][2], m[1][3], m[1][4].end_row, m[1][4].end_col }, { 0, col, 0, col + #QUOTE })
  T.eq(m[1][4].virt_text, { { '[misleading]', 'PressmarkVerdictMisleading' } })
  T.eq(T.read(path .. '.factcheck.yaml'), sc, 'loading never rewrites the file')
end)

T.test('orphans are announced once, kept in the file and listed', function()
  local sc = yaml(note_yaml('aaaa0001', QUOTE, 'mixed', 1) .. note_yaml('bbbb0002', 'a sentence that is not in the article at all', '"false"', 3))
  local n = #T.notices
  local path, buf = open(ARTICLE, sc)
  local said = notices_matching('could not be placed', n + 1)
  T.eq(#said, 1)
  T.matches(said[1].msg, '^pressmark: 1 note could not be placed in article.txt')
  vim.cmd('Pressmark list orphans')
  local l = vim.fn.getloclist(0)
  vim.cmd('lclose')
  T.eq(#l, 1)
  T.eq(l[1].lnum, 3)
  T.matches(l[1].text, '^orphan note bbbb0002: « a sentence that is not')
  -- a change to the other note saves both and announces nothing again
  api.nvim_win_set_cursor(0, { 1, note_marks(buf)[1][3] })
  vim.cmd('Pressmark verdict true')
  T.eq(#notices_matching('could not be placed', n + 1), 1)
  T.matches(T.read(path .. '.factcheck.yaml'), 'id: bbbb0002')
  notes.load(buf)
  T.eq(#notices_matching('could not be placed', n + 1), 1, 'still once after a reload')
end)

T.test('an orphan is re-attached to a selection with :Pressmark reattach', function()
  local sc = yaml(note_yaml('bbbb0002', 'the swimming pool reopened in May', '"false"', 3))
  local path, buf = open(ARTICLE, sc)
  T.eq(#note_marks(buf), 0)
  T.eq(require('pressmark').complete('', 'Pressmark reattach '), { 'bbbb0002' })
  api.nvim_win_set_cursor(0, { 3, 0 })
  vim.cmd('normal! v$')
  vim.cmd('normal! \27')
  vim.cmd("'<,'>Pressmark reattach")
  local n = notes.state[buf].notes[1]
  T.eq({ n.id, n.outcome, n.verdict }, { 'bbbb0002', 'anchored', 'false' })
  T.eq(#note_marks(buf), 1)
  T.matches(T.read(path .. '.factcheck.yaml'), 'exact: The council said that the pool had cost 3 million euros since 2019%.\n')
  local msgs = #T.notices
  pcall(vim.cmd, 'Pressmark reattach')
  T.matches(T.notices[msgs + 1].msg, 'no orphan notes in this buffer')
end)

T.test('a sidecar replaced on disk is reloaded on FocusGained', function()
  local path, buf = open(ARTICLE, yaml(note_yaml('aaaa0001', QUOTE, 'mixed', 1)))
  T.eq(notes.state[buf].notes[1].verdict, 'mixed')
  replace(path .. '.factcheck.yaml', yaml(note_yaml('aaaa0001', QUOTE, '"false"', 1)))
  local n = #T.notices
  vim.cmd('doautocmd FocusGained')
  T.eq(notes.state[buf].notes[1].verdict, 'false')
  T.eq(note_marks(buf)[1][4].virt_text, { { '[false]', 'PressmarkVerdictFalse' } })
  T.matches(notices_matching('notes reloaded', n + 1)[1].msg, 'article.txt.factcheck.yaml changed on disk')
  -- nothing changed: no reload, no message
  n = #T.notices
  vim.cmd('doautocmd CursorHold')
  T.eq(#notices_matching('reloaded', n + 1), 0)
end)

T.test('a sidecar created on disk after opening is picked up on BufEnter', function()
  local path, buf = open(ARTICLE, nil)
  T.eq(#notes.state[buf].notes, 0)
  replace(path .. '.factcheck.yaml', yaml(note_yaml('cccc0003', QUOTE, 'opinion', 1)))
  vim.cmd('doautocmd BufEnter')
  T.eq(#notes.state[buf].notes, 1)
  T.eq(#note_marks(buf), 1)
end)

T.test('a note saved while the file changed on disk merges, losing neither side', function()
  local path, buf = open(ARTICLE, yaml(note_yaml('aaaa0001', QUOTE, 'mixed', 1)))
  -- a colleague adds a note, and we have not reloaded yet
  replace(path .. '.factcheck.yaml', yaml(note_yaml('aaaa0001', QUOTE, 'mixed', 1)
    .. note_yaml('dddd0004', 'the pool had cost 3 million euros', '"true"', 3)))
  api.nvim_win_set_cursor(0, { 1, note_marks(buf)[1][3] })
  vim.cmd('Pressmark speaker Paul Girard')
  local y = T.read(path .. '.factcheck.yaml')
  T.matches(y, 'id: dddd0004')
  T.matches(y, 'speaker: Paul Girard')
  T.eq(#notes.state[buf].notes, 2)
  T.eq(#note_marks(buf), 2)
end)

T.test('a conflicting change on disk is reported, and ours is kept until it merges', function()
  local path, buf = open(ARTICLE, yaml(note_yaml('aaaa0001', QUOTE, 'mixed', 1)))
  local theirs = yaml(note_yaml('aaaa0001', QUOTE, '"true"', 1))
  replace(path .. '.factcheck.yaml', theirs)
  api.nvim_win_set_cursor(0, { 1, note_marks(buf)[1][3] })
  local n = #T.notices
  pcall(vim.cmd, 'Pressmark verdict false')
  T.matches(T.notices[n + 1].msg, 'verdict')
  T.eq(T.notices[n + 1].level, vim.log.levels.ERROR)
  T.eq(T.read(path .. '.factcheck.yaml'), theirs, 'nothing written over their change')
  -- a reload must not drop our change: reported once, state kept
  n = #T.notices
  pcall(vim.cmd, 'doautocmd FocusGained') -- errors raise under --headless
  pcall(vim.cmd, 'doautocmd CursorHold')
  vim.wait(50) -- errors in autocommands are reported once they are over
  local said = notices_matching('your change is kept here', n + 1)
  T.eq(#said, 1)
  T.matches(said[1].msg, 'note aaaa0001: verdict changed on both sides')
  T.eq(T.read(path .. '.factcheck.yaml'), theirs)
  -- they take their change back: ours now merges cleanly and is written
  replace(path .. '.factcheck.yaml', yaml(note_yaml('aaaa0001', QUOTE, 'mixed', 1) .. note_yaml('eeee0005', 'the pool had cost 3 million euros', 'opinion', 3)))
  vim.cmd('doautocmd FocusGained')
  local y = T.read(path .. '.factcheck.yaml')
  T.matches(y, 'verdict: "false"')
  T.matches(y, 'id: eeee0005')
  T.eq(notes.state[buf].notes[1].verdict, 'false')
  T.eq(#notes.state[buf].notes, 2)
end)

T.test('a broken sidecar is shown with file:line:col and never overwritten', function()
  local bad = 'pressmark: 1\nnotes:\n  - id: x\n    target: [unclosed\n'
  local n = #T.notices
  local path, buf = open(ARTICLE, bad)
  local err = notices_matching('left untouched', n + 1)[1]
  T.truthy(err, 'an error is shown')
  T.eq(err.level, vim.log.levels.ERROR)
  T.matches(err.msg, vim.pesc(path .. '.factcheck.yaml') .. ':%d+:%d+: ')
  T.eq(notes.state[buf].error ~= nil, true)
  -- every change is refused, the file stays as it was
  local line = api.nvim_buf_get_lines(buf, 0, 1, true)[1]
  api.nvim_win_set_cursor(0, { 1, (line:find('Nous', 1, true)) })
  n = #T.notices
  pcall(vim.cmd, 'Pressmark verdict true')
  T.matches(T.notices[n + 1].msg, 'not saved, it failed to load')
  vim.cmd('write')
  T.eq(T.read(path .. '.factcheck.yaml'), bad)
  -- fixed on disk: reloaded, and saving works again
  replace(path .. '.factcheck.yaml', yaml(note_yaml('aaaa0001', QUOTE, 'mixed', 1)))
  vim.cmd('doautocmd FocusGained')
  T.eq(notes.state[buf].error, nil)
  vim.cmd('Pressmark verdict true')
  T.matches(T.read(path .. '.factcheck.yaml'), 'verdict: "true"')
end)

T.test('writing the article updates article.sha256 to the file on disk', function()
  local path, buf = open(ARTICLE, nil)
  api.nvim_win_set_cursor(0, { 1, 30 })
  vim.cmd('Pressmark verdict false')
  T.matches(T.read(path .. '.factcheck.yaml'), 'sha256: ' .. vim.fn.sha256(ARTICLE))
  api.nvim_buf_set_lines(buf, 1, 2, false, { 'Une ligne ajoutée.' })
  vim.cmd('write')
  local disk = T.read(path)
  T.truthy(disk ~= ARTICLE, 'the file changed')
  T.matches(T.read(path .. '.factcheck.yaml'), 'sha256: ' .. vim.fn.sha256(disk))
end)

T.test('a note being edited survives a reload that dropped it', function()
  local path, buf = open(ARTICLE, yaml(note_yaml('aaaa0001', QUOTE, 'mixed', 1)))
  api.nvim_win_set_cursor(0, { 1, note_marks(buf)[1][3] })
  local ebuf = require('pressmark.ui').note({}, {})
  api.nvim_buf_set_lines(ebuf, -1, -1, false, { 'typed while a colleague deleted the note' })
  -- the colleague's version without the note arrives
  replace(path .. '.factcheck.yaml', yaml(''):gsub('notes:\n$', 'notes: []\n'))
  notes.check(buf)
  T.eq(#notes.state[buf].notes, 0)
  vim.cmd('write')
  local st = notes.state[buf]
  T.eq(#st.notes, 1, 'made again')
  T.eq(st.notes[1].note, 'typed while a colleague deleted the note')
  T.eq(st.notes[1].exact, QUOTE)
  vim.cmd('close')
end)

T.test('after the process restarts, the next change reloads the sidecar first', function()
  local path, buf = open(ARTICLE, yaml(note_yaml('aaaa0001', QUOTE, 'mixed', 1)))
  local rpc = require('pressmark.rpc')
  rpc.stop()
  api.nvim_win_set_cursor(0, { 1, note_marks(buf)[1][3] })
  vim.cmd('Pressmark verdict opinion')
  T.eq(notes.state[buf].notes[1].id, 'aaaa0001')
  T.eq(#notes.state[buf].notes, 1)
  T.matches(T.read(path .. '.factcheck.yaml'), 'verdict: opinion')
end)

local function crlf_bom_case(name, bytes)
  T.test(name .. ': notes land on the same words, the digest is of the file', function()
    local path, buf = open(bytes, nil)
    local line = api.nvim_buf_get_lines(buf, 0, 1, true)[1]
    T.eq(line:find('\r'), nil, 'Neovim strips CR')
    local col = line:find(QUOTE, 1, true) - 1
    api.nvim_win_set_cursor(0, { 1, col + 3 })
    vim.cmd('Pressmark verdict mixed')
    local m = note_marks(buf)
    T.eq({ m[1][2], m[1][3], m[1][4].end_col }, { 0, col, col + #QUOTE })
    local y = T.read(path .. '.factcheck.yaml')
    T.matches(y, 'exact: ' .. QUOTE .. '\n')
    T.matches(y, 'sha256: ' .. vim.fn.sha256(bytes), 'the bytes on disk, not the buffer')
    -- the command line re-anchors against the file: the same words
    local out = vim.fn.system({ require('pressmark.rpc').status().cmd[1], 'check', path })
    T.eq(vim.v.shell_error, 0, out)
    T.matches(out, 'anchored')
    vim.cmd('write')
    T.eq(T.read(path), bytes, ':w keeps the bytes')
    notes.load(buf)
    T.eq(notes.state[buf].notes[1].outcome, 'anchored')
  end)
end

-- A note on a reported clause and one on the quotation inside it: each
-- stays on its own span when the article changes on disk, even when the
-- quoted words now also appear earlier in another sentence.
T.test('notes on a reported clause and on its quotation re-anchor apart', function()
  local line = 'Paul Girard a reconnu qu’il ne l’avait « pas vu » avant la réunion.'
  local path, buf = open(line .. '\n')
  local q = line:find('pas vu', 1, true) - 1
  api.nvim_win_set_cursor(0, { 1, q + 1 })
  vim.cmd('Pressmark verdict true')
  api.nvim_win_set_cursor(0, { 1, (line:find('avant', 1, true)) })
  vim.cmd('Pressmark verdict misleading')
  local y = T.read(path .. '.factcheck.yaml')
  T.matches(y, 'exact: pas vu\n')
  T.matches(y, 'exact: "?il ne l’avait « pas vu » avant la réunion')
  local moved = 'Le maire dit n’avoir « pas vu » de problème.\n\nUn chapeau.\n\n' .. line .. '\n'
  replace(path, moved)
  vim.cmd('edit!')
  T.wait(5000, function()
    local m = note_marks(buf)
    return #m == 2 and m[1][2] == 4 and m[2][2] == 4
  end, 'both notes to be placed again on line 5')
  local got = {}
  for _, m in ipairs(note_marks(buf)) do
    got[m[4].virt_text[1][1]] = { m[2], m[3], m[4].end_row, m[4].end_col }
  end
  local c = line:find('il ne', 1, true) - 1
  T.eq(got['[true]'], { 4, q, 4, q + #'pas vu' }, 'the quotation, not the earlier words')
  T.eq(got['[misleading]'][1], 4)
  T.eq(got['[misleading]'][2], c, 'the clause starts where it did')
  for _, n in ipairs(notes.state[buf].notes) do
    T.eq(n.outcome, 'moved')
  end
end)

T.test(':checkhealth pressmark checks the language data and the sidecar', function()
  open(ARTICLE, 'pressmark: 1\nnotes: {\n')
  vim.cmd('checkhealth pressmark')
  local text = table.concat(api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  vim.cmd('tabclose')
  T.matches(text, 'OK:? language files in .*en%.yaml, fr%.yaml')
  T.matches(text, 'OK:? the process loads its language data')
  T.matches(text, 'OK:? article folder writable %(its sidecar')
  T.matches(text, 'ERROR:? sidecar does not load, it is left untouched: .*factcheck%.yaml:%d+:%d+: ')
end)

crlf_bom_case('a CRLF article', (ARTICLE:gsub('\n', '\r\n')))
crlf_bom_case('a BOM article', '\239\187\191' .. ARTICLE)

T.done()
