-- test_notes.lua - the notes commands in a real headless Neovim: note on a
-- quote under the cursor and on a Visual selection, verdict, show, delete,
-- speaker, dismiss, list, next/prev, completion and error messages.  Each
-- test checks the sidecar file's YAML and the extmarks drawn.
local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
local notes = require('pressmark.notes')
local api = vim.api

require('pressmark').setup({ author = 'Test Author' })

local ARTICLE = table.concat({
  'La ministre a déclaré : « Nous allons construire 40 000 logements en 2026 », selon Claire Dupont.',
  '',
  'Le budget a augmenté de 12 % depuis 2021, affirme le rapport.',
  '',
  'Pour le maire, rien ne presse.',
}, '\n') .. '\n'
local QUOTE = 'Nous allons construire 40 000 logements en 2026'

local function sidecar(path)
  return T.read(path .. '.factcheck.yaml')
end

local function note_marks(buf)
  local out = {}
  for _, m in ipairs(api.nvim_buf_get_extmarks(buf or 0, notes.ns, 0, -1, { details = true })) do
    if m[4].hl_group == 'PressmarkNote' then
      table.insert(out, m)
    end
  end
  return out
end

-- Opens a fresh copy of the article and waits for its sidecar to load.
local n_open = 0
local function open(text)
  n_open = n_open + 1
  local path = T.write(('notes%d/article.txt'):format(n_open), text or ARTICLE)
  vim.cmd('silent! %bwipeout!')
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = api.nvim_get_current_buf()
  T.wait(5000, function()
    return notes.state[buf] ~= nil
  end, 'the sidecar to load')
  return path, buf
end

local function cursor_on(text, row)
  local line = api.nvim_buf_get_lines(0, row or 0, (row or 0) + 1, true)[1]
  local col = assert(line:find(text, 1, true), text .. ' not on the line') - 1
  api.nvim_win_set_cursor(0, { (row or 0) + 1, col + 2 })
  return col
end

-- Runs an Ex command; returns the first message it showed.  Errors are
-- shown with vim.notify (recorded by the harness), which under
-- --headless also raises them, hence the pcall.
local function run(cmd)
  local n = #T.notices
  pcall(vim.cmd, cmd)
  return T.notices[n + 1] and T.notices[n + 1].msg
end

T.test('an article is loaded on BufRead and no sidecar is written for it', function()
  local path, buf = open()
  T.eq(notes.state[buf].notes, {})
  T.eq(notes.state[buf].path, path .. '.factcheck.yaml')
  T.eq(sidecar(path), nil)
end)

T.test(':Pressmark note with nothing under the cursor says so', function()
  open()
  api.nvim_win_set_cursor(0, { 2, 0 })
  T.matches(run('Pressmark note'), '^pressmark: nothing under the cursor')
  T.eq(#api.nvim_list_wins(), 1)
end)

T.test(':Pressmark verdict on a quote writes the sidecar and draws the note', function()
  local path, buf = open()
  local col = cursor_on(QUOTE)
  T.matches(run('Pressmark verdict false'), '^pressmark: note %x+: verdict false$')
  local y = sidecar(path)
  T.matches(y, '\n    target: quote\n')
  T.matches(y, '\n      exact: ' .. QUOTE .. '\n', 'exact')
  T.matches(y, '\n    verdict: "false"\n')
  T.matches(y, '\n    author: Test Author\n')
  T.matches(y, '\n  path: article.txt\n')
  T.matches(y, '\n  sha256: ' .. vim.fn.sha256(ARTICLE) .. '\n', 'digest of the file')
  local m = note_marks(buf)
  T.eq(#m, 1)
  T.eq({ m[1][2], m[1][3], m[1][4].end_row, m[1][4].end_col }, { 0, col, 0, col + #QUOTE })
  T.eq(m[1][4].virt_text, { { '[false]', 'PressmarkVerdictFalse' } })
end)

T.test('verdict none removes the verdict; an unknown verdict is refused', function()
  local path = open()
  cursor_on(QUOTE)
  vim.cmd('Pressmark verdict mixed')
  T.matches(sidecar(path), 'verdict: mixed')
  vim.cmd('Pressmark verdict none')
  T.eq(sidecar(path):find('verdict:'), nil)
  T.matches(run('Pressmark verdict maybe'), 'verdict "maybe": expected one of true, mostly%-true')
end)

T.test('verdict completes its values', function()
  T.eq(require('pressmark').complete('m', 'Pressmark verdict m'), { 'mostly-true', 'mixed', 'misleading' })
  T.eq(require('pressmark').complete('', "'<,'>Pressmark verdict "), {
    'true', 'mostly-true', 'mixed', 'misleading', 'false', 'unverifiable', 'opinion', 'none' })
  T.eq(require('pressmark').complete('o', 'Pressmark list o'), { 'orphans' })
  T.eq(require('pressmark').complete('ver', 'Pressmark ver'), { 'verdict', 'version' })
end)

T.test(':Pressmark note opens an editor whose :w saves verdict, speaker, sources and text', function()
  local path, buf = open()
  cursor_on(QUOTE)
  vim.cmd('Pressmark note')
  local ebuf = api.nvim_get_current_buf()
  T.truthy(ebuf ~= buf, 'the editor is focused')
  T.eq(api.nvim_win_get_config(0).relative, 'editor')
  local lines = api.nvim_buf_get_lines(ebuf, 0, -1, false)
  T.matches(lines[1], '^# new quote note: ' .. QUOTE)
  T.truthy(vim.tbl_contains(lines, 'Speaker: Claire Dupont'), 'speaker prefilled from the detection')
  api.nvim_buf_set_lines(ebuf, 0, -1, false, {
    'Verdict: misleading',
    'Speaker: Claire Dupont',
    'Source: https://example.org/logement',
    'Source: INSEE, 2025',
    'Note:',
    'The plan counts renovations',
    'as new homes.',
  })
  vim.cmd('write')
  T.eq(vim.bo[ebuf].modified, false)
  local y = sidecar(path)
  T.matches(y, 'verdict: misleading')
  T.matches(y, 'speaker: Claire Dupont')
  T.matches(y, '    sources:\n      %- https://example.org/logement\n      %- "?INSEE, 2025"?\n')
  T.matches(y, '    note: |%-?\n      The plan counts renovations\n      as new homes.\n')
  vim.cmd('close')
  T.eq(api.nvim_get_current_buf(), buf)
  T.eq(#note_marks(buf), 1)
end)

T.test('closing the editor saves; editing an existing note keeps its id', function()
  local path, buf = open()
  cursor_on(QUOTE)
  vim.cmd('Pressmark verdict true')
  local id = notes.state[buf].notes[1].id
  vim.cmd('Pressmark note')
  local lines = api.nvim_buf_get_lines(0, 0, -1, false)
  T.matches(lines[1], '^# quote note ' .. id)
  T.truthy(vim.tbl_contains(lines, 'Verdict: true'), 'the verdict is shown')
  api.nvim_buf_set_lines(0, -1, -1, false, { 'closing saves this' })
  vim.cmd('close')
  T.eq(#notes.state[buf].notes, 1)
  T.eq(notes.state[buf].notes[1].id, id)
  T.matches(sidecar(path), 'note: closing saves this')
end)

T.test('the editor refuses a bad verdict and keeps the text', function()
  local path = open()
  cursor_on(QUOTE)
  vim.cmd('Pressmark note')
  local ebuf = api.nvim_get_current_buf()
  api.nvim_buf_set_lines(ebuf, 0, -1, false, { 'Verdict: sort of', 'Note:', 'keep me' })
  local msg = run('write')
  T.matches(msg, 'note not saved: verdict "sort of"')
  T.eq(vim.bo[ebuf].modified, true)
  T.eq(sidecar(path), nil)
  api.nvim_buf_set_lines(ebuf, 0, 1, false, { 'Verdict: opinion' })
  vim.cmd('write')
  T.matches(sidecar(path), 'verdict: opinion')
  vim.cmd('close')
end)

T.test('a Visual selection is annotated as a range note', function()
  local path, buf = open()
  local line = api.nvim_buf_get_lines(buf, 2, 3, true)[1]
  local s = line:find('12 %', 1, true)
  api.nvim_win_set_cursor(0, { 3, s - 1 })
  vim.cmd('normal! v3l')
  vim.cmd('normal! \27')
  vim.cmd("'<,'>Pressmark verdict true")
  local y = sidecar(path)
  T.matches(y, 'target: range')
  T.matches(y, 'exact: 12 %%\n')
  local m = note_marks(buf)
  T.eq({ m[1][2], m[1][3], m[1][4].end_col }, { 2, s - 1, s - 1 + #'12 %' })
end)

T.test('a Visual selection opens the editor on that text', function()
  local _, buf = open()
  api.nvim_win_set_cursor(0, { 5, 0 })
  vim.cmd('normal! v$')
  vim.cmd('normal! \27')
  vim.cmd("'<,'>Pressmark note")
  T.matches(api.nvim_buf_get_lines(0, 0, 1, false)[1], '^# new range note: Pour le maire, rien ne presse%.$')
  vim.cmd('bwipeout!')
  T.eq(api.nvim_get_current_buf(), buf)
end)

T.test(':Pressmark show opens a float with quote, speaker, how it was found and the note', function()
  local _, buf = open()
  cursor_on(QUOTE)
  vim.cmd('Pressmark verdict false')
  local before = api.nvim_list_wins()
  vim.cmd('Pressmark show')
  local float
  for _, w in ipairs(api.nvim_list_wins()) do
    if not vim.tbl_contains(before, w) then
      float = w
    end
  end
  T.truthy(float, 'a new window')
  T.eq(api.nvim_win_get_config(float).relative ~= '', true)
  local text = table.concat(api.nvim_buf_get_lines(api.nvim_win_get_buf(float), 0, -1, false), '\n')
  T.matches(text, '^Quote %(note %x+, anchored%)')
  T.matches(text, '« ' .. QUOTE .. ' »')
  T.matches(text, 'Speaker: Claire Dupont %(.*found by ')
  T.matches(text, 'Verdict: false')
  T.matches(text, 'Test Author')
  api.nvim_win_close(float, true)
  T.eq(api.nvim_get_current_buf(), buf)
end)

T.test(':Pressmark show on a claim lists its reasons', function()
  open()
  cursor_on('budget', 2)
  local win = require('pressmark.ui').show({}, {})
  local text = table.concat(api.nvim_buf_get_lines(api.nvim_win_get_buf(win), 0, -1, false), '\n')
  T.matches(text, '^Claim\n')
  T.matches(text, 'Claim: score %d+%%, reasons: .*percent')
  T.matches(text, 'No note yet')
  api.nvim_win_close(win, true)
end)

T.test(':Pressmark speaker corrects the speaker; dismiss toggles', function()
  local path = open()
  cursor_on(QUOTE)
  T.matches(run('Pressmark speaker Jeanne Martin'), 'speaker Jeanne Martin$')
  T.matches(sidecar(path), 'speaker: Jeanne Martin')
  T.matches(run('Pressmark speaker'), 'usage: :Pressmark speaker {name}')
  vim.cmd('Pressmark dismiss')
  T.matches(sidecar(path), 'dismissed: true')
  T.eq(note_marks()[1][4].virt_text, { { '[dismissed]', 'Comment' } })
  T.matches(run('Pressmark dismiss'), 'no longer dismissed')
  T.eq(sidecar(path):find('dismissed'), nil)
end)

T.test(':Pressmark delete removes the note under the cursor, and says when there is none', function()
  local path, buf = open()
  cursor_on(QUOTE)
  vim.cmd('Pressmark verdict true')
  T.matches(run('Pressmark delete'), '^pressmark: note %x+ deleted$')
  T.eq(#note_marks(buf), 0)
  T.eq(sidecar(path):find('exact'), nil)
  T.matches(run('Pressmark delete'), 'no note under the cursor')
end)

T.test(':Pressmark list fills the location list for each kind', function()
  local _, buf = open()
  cursor_on(QUOTE)
  vim.cmd('Pressmark verdict false')
  local function list(kind)
    vim.cmd('Pressmark list ' .. kind)
    local l = vim.fn.getloclist(0, { items = true, title = true })
    vim.cmd('lclose')
    return l
  end
  local l = list('notes')
  T.eq(l.title, 'pressmark notes')
  T.eq(#l.items, 1)
  T.eq({ l.items[1].bufnr, l.items[1].lnum }, { buf, 1 })
  T.matches(l.items[1].text, '^%[false%] ' .. QUOTE)
  l = list('quotes')
  T.eq(#l.items, 2, 'the quote and the indirect speech of the last line')
  T.matches(l.items[1].text, '^quote %(Claire Dupont%): « ' .. QUOTE)
  T.eq({ l.items[1].lnum, l.items[2].lnum }, { 1, 5 })
  T.matches(l.items[2].text, '^indirect: « rien ne presse »')
  l = list('claims')
  T.truthy(#l.items >= 1, 'claims found')
  local rows = {}
  for _, it in ipairs(l.items) do
    rows[it.lnum] = true
  end
  T.truthy(rows[3], 'the budget sentence is a claim')
  l = list('speakers')
  T.truthy(#l.items >= 1, 'a speaker mention')
  T.matches(l.items[1].text, 'Claire Dupont$')
  T.matches(run('Pressmark list orphans'), 'no orphans')
  T.matches(run('Pressmark list nonsense'), 'list "nonsense": expected one of')
end)

T.test(':Pressmark next/prev move between notes and wrap', function()
  local _, buf = open()
  cursor_on(QUOTE)
  vim.cmd('Pressmark verdict false')
  api.nvim_win_set_cursor(0, { 5, 0 })
  vim.cmd('normal! vll')
  vim.cmd('normal! \27')
  vim.cmd("'<,'>Pressmark verdict opinion")
  local first = note_marks(buf)[1]
  api.nvim_win_set_cursor(0, { 3, 0 })
  vim.cmd('Pressmark next')
  T.eq(api.nvim_win_get_cursor(0), { 5, 0 })
  vim.cmd('Pressmark next')
  T.eq(api.nvim_win_get_cursor(0), { first[2] + 1, first[3] }, 'wrapped to the first note')
  vim.cmd('Pressmark prev')
  T.eq(api.nvim_win_get_cursor(0), { 5, 0 }, 'wrapped back to the last')
  api.nvim_win_set_cursor(0, { 1, 0 })
  vim.cmd('Pressmark next claims')
  T.eq(api.nvim_win_get_cursor(0)[1], 3)
  T.matches(run('Pressmark next orphans'), 'expected one of notes, quotes')
end)

T.test('notes follow edits above them, and commands find them there', function()
  local path, buf = open()
  cursor_on(QUOTE)
  vim.cmd('Pressmark verdict false')
  api.nvim_buf_set_lines(buf, 0, 0, false, { 'Un chapeau ajouté.', '' })
  local m = note_marks(buf)
  T.eq(m[1][2], 2)
  cursor_on(QUOTE, 2)
  vim.cmd('Pressmark verdict true')
  T.eq(#notes.state[buf].notes, 1, 'the same note, not a new one')
  T.matches(sidecar(path), 'verdict: "true"')
end)

T.test('<Plug> maps exist and setup{mappings = true} maps the suggested keys', function()
  T.truthy(vim.fn.maparg('<Plug>(pressmark-note)', 'n') ~= '', 'normal <Plug>')
  T.truthy(vim.fn.maparg('<Plug>(pressmark-note)', 'x') ~= '', 'visual <Plug>')
  T.truthy(vim.fn.maparg('<Plug>(pressmark-verdict-false)', 'n') ~= '', 'verdict <Plug>')
  T.eq(vim.fn.maparg(']n', 'n'), '')
  require('pressmark').setup({ author = 'Test Author', mappings = true })
  T.eq(vim.fn.maparg(']n', 'n'), '<Plug>(pressmark-next)')
  T.eq(vim.fn.maparg('<Leader>pn', 'x'), '<Plug>(pressmark-note)')
  open()
  cursor_on(QUOTE)
  api.nvim_feedkeys(api.nvim_replace_termcodes('<Plug>(pressmark-verdict-mixed)', true, false, true), 'x', false)
  T.eq(notes.state[api.nvim_get_current_buf()].notes[1].verdict, 'mixed')
end)

T.test('commands work on a buffer without live highlights (the process analyses it once)', function()
  require('pressmark').setup({ author = 'Test Author', highlights = false })
  local path, buf = open()
  local ok = pcall(require('pressmark.rpc').request, 'pressmark_items_get', buf, 'quotes')
  T.eq(ok, false, 'the buffer is not attached')
  local col = cursor_on(QUOTE)
  vim.cmd('Pressmark verdict unverifiable')
  T.matches(sidecar(path), 'target: quote\n')
  local m = note_marks(buf)
  T.eq({ m[1][3], m[1][4].end_col }, { col, col + #QUOTE })
  vim.cmd('Pressmark list speakers')
  local l = vim.fn.getloclist(0)
  vim.cmd('lclose')
  T.matches(l[1].text, 'Claire Dupont$')
  require('pressmark').setup({ author = 'Test Author' })
end)

T.test('signs and badges can be turned off', function()
  require('pressmark').setup({ author = 'Test Author', signs = false, badges = false })
  local _, buf = open()
  cursor_on(QUOTE)
  vim.cmd('Pressmark verdict false')
  local m = note_marks(buf)
  T.eq(m[1][4].virt_text, nil)
  T.eq(m[1][4].sign_text, nil)
  require('pressmark').setup({ author = 'Test Author', signs = true, badges = true })
  notes.draw(buf)
  m = note_marks(buf)
  T.eq(m[1][4].virt_text, { { '[false]', 'PressmarkVerdictFalse' } })
  if vim.fn.has('nvim-0.8') == 1 then -- 0.7 does not report sign_text
    T.eq(vim.trim(m[1][4].sign_text), 'F')
  end
end)

T.done()
