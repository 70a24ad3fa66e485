-- test_notes_unsaved.lua - review fixes in a real headless Neovim: a note
-- whose save failed survives :e and is saved once the disk is back, with a
-- VimLeavePre warning meanwhile; an error in BufEnter reported once through
-- vim.notify, after the autocommand; the :Pressmark show float wraps at
-- words; the editor's pre-filled speaker is no correction.
local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
local notes = require('pressmark.notes')
local rpc = require('pressmark.rpc')
local api = vim.api

require('pressmark').setup({ author = 'Test Author' })

local ARTICLE = table.concat({
  '« Nous rouvrirons la piscine avant l’été », a déclaré Jeanne Roux, la maire de Brest.',
  '',
  'La piscine a coûté 3 millions d’euros depuis 2019, a affirmé Paul Morel.',
}, '\n') .. '\n'
local QUOTE = 'Nous rouvrirons la piscine avant l’été'

local n_open = 0
local function open()
  n_open = n_open + 1
  local dir = ('%s/unsaved%d'):format(T.tmp, n_open)
  local path = T.write(('unsaved%d/article.txt'):format(n_open), ARTICLE)
  vim.cmd('silent! %bwipeout!')
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = api.nvim_get_current_buf()
  T.wait(5000, function()
    return notes.state[buf] ~= nil
  end, 'the sidecar to load')
  return path, buf, dir
end

local function span_of(buf, text)
  local all = table.concat(api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
  local s = assert(all:find(text, 1, true), text)
  return s - 1, s - 1 + #text
end

local function notices_matching(pattern, from)
  local out = {}
  for i = from, #T.notices do
    if T.notices[i].msg:find(pattern) then
      table.insert(out, T.notices[i])
    end
  end
  return out
end

-- Makes every save in `dir` fail, even for root (who writes through
-- chmod): the folder moves away and a plain file takes its name.
local function block(dir)
  assert(os.rename(dir, dir .. '.away'))
  local f = assert(io.open(dir, 'wb'))
  f:close()
end
local function unblock(dir)
  assert(os.remove(dir))
  assert(os.rename(dir .. '.away', dir))
end

T.test('a note whose save failed survives :e and is saved when the disk is back', function()
  local path, buf, dir = open()
  local s, e = span_of(buf, QUOTE)
  notes.set(buf, { target = 'quote', start = s, ['end'] = e, note = 'first, saved' })
  block(dir)
  s, e = span_of(buf, 'La piscine a coûté')
  local ok, err = pcall(notes.set, buf, { target = 'claim', start = s, ['end'] = e, note = 'second, unsaved' })
  T.eq(ok, false, 'the save fails')
  T.matches(tostring(err), 'Not a directory')
  local n = #T.notices
  api.nvim_exec_autocmds('VimLeavePre', {})
  local warned = notices_matching('notes not saved, lost on exit', n + 1)
  T.eq(#warned, 1, 'VimLeavePre warns')
  T.matches(warned[1].msg, 'article.txt.factcheck.yaml')
  unblock(dir)
  vim.cmd('edit')
  T.wait(5000, function()
    local y = T.read(path .. '.factcheck.yaml') or ''
    return y:find('second, unsaved', 1, true) ~= nil
  end, 'the unsaved note to reach the file')
  local y = T.read(path .. '.factcheck.yaml')
  T.matches(y, 'note: first, saved')
  T.matches(y, 'note: second, unsaved')
  T.eq(#notes.state[buf].notes, 2)
  n = #T.notices
  api.nvim_exec_autocmds('VimLeavePre', {})
  T.eq(#notices_matching('not saved', n + 1), 0, 'no warning once saved')
end)

T.test('an error in BufEnter is notified once, after the autocommand', function()
  local _, buf = open()
  local request = rpc.request
  local seen = {}
  local during = false -- true while the autocommands run
  local notify = vim.notify
  vim.notify = function(msg, level, opts)
    if tostring(msg):find('boom', 1, true) then
      table.insert(seen, { msg = msg, in_autocmd = during })
    end
    return notify(msg, level, opts)
  end
  local fail = 'boom one'
  rpc.request = function()
    error('pressmark: ' .. fail, 0)
  end
  during = true
  local ok1 = pcall(vim.cmd, 'doautocmd BufEnter')
  local ok2 = pcall(vim.cmd, 'doautocmd BufEnter')
  fail = 'boom two'
  local ok3 = pcall(vim.cmd, 'doautocmd CursorHold')
  during = false
  rpc.request = request
  vim.wait(200, function()
    return #seen >= 2
  end)
  vim.notify = notify
  T.eq({ ok1, ok2, ok3 }, { true, true, true }, 'no error raised in the autocommand')
  T.eq(#seen, 2, 'each error once')
  T.matches(seen[1].msg, 'boom one')
  T.matches(seen[2].msg, 'boom two')
  T.eq(seen[1].in_autocmd, false, 'reported after the autocommand')
  T.eq(seen[2].in_autocmd, false, 'reported after the autocommand')
  T.truthy(api.nvim_buf_is_valid(buf))
end)

T.test(':Pressmark show wraps its float at word boundaries', function()
  local _, buf = open()
  local s, e = span_of(buf, QUOTE)
  notes.set(buf, { target = 'quote', start = s, ['end'] = e, note = string.rep('mot ', 60) })
  local line = api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  api.nvim_win_set_cursor(0, { 1, (line:find('rouvrirons', 1, true)) })
  local win = require('pressmark.ui').show({}, {})
  T.truthy(win and api.nvim_win_is_valid(win), 'a float')
  T.eq(vim.wo[win].wrap, true)
  T.eq(vim.wo[win].linebreak, true)
  api.nvim_win_close(win, true)
end)

T.test('the editor records the detected speaker, and a corrected one as given', function()
  local path, buf = open()
  local line = api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  api.nvim_win_set_cursor(0, { 1, (line:find('rouvrirons', 1, true)) })
  vim.cmd('Pressmark note')
  local ebuf = api.nvim_get_current_buf()
  T.truthy(vim.tbl_contains(api.nvim_buf_get_lines(ebuf, 0, -1, false), 'Speaker: Jeanne Roux'), 'pre-filled')
  api.nvim_buf_set_lines(ebuf, 0, -1, false, { 'Verdict: mixed', 'Speaker: Jeanne Roux', 'Note:', 'kept' })
  local request, sent = rpc.request, {}
  rpc.request = function(method, ...)
    if method == 'pressmark_note_set' then
      table.insert(sent, vim.deepcopy(select(2, ...)))
    end
    return request(method, ...)
  end
  local ok, err = pcall(vim.cmd, 'write')
  rpc.request = request
  T.truthy(ok, err)
  T.eq(#sent, 1)
  T.eq(sent[1].speaker, nil, 'the untouched pre-filled speaker is not sent as a correction')
  local y = T.read(path .. '.factcheck.yaml')
  T.matches(y, 'speaker: Jeanne Roux')
  api.nvim_buf_set_lines(ebuf, 0, -1, false, { 'Verdict: mixed', 'Speaker: Jeanne Rousseau', 'Note:', 'kept' })
  vim.cmd('write')
  T.matches(T.read(path .. '.factcheck.yaml'), 'speaker: Jeanne Rousseau')
  vim.cmd('close')
  -- :Pressmark verdict alone on the claim records its speaker too
  api.nvim_win_set_cursor(0, { 3, 5 })
  vim.cmd('Pressmark verdict false')
  T.matches(T.read(path .. '.factcheck.yaml'), 'speaker: Paul Morel')
end)

T.done()
