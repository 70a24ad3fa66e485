-- test_highlight.lua - live highlights in a real headless Neovim: marks
-- set on :edit, and kept equal to a whole-file analysis through typing,
-- undo/redo, :%s, a 10,000-line paste, :e!, :w, CRLF and BOM files,
-- disable/enable and the large-file limit.
--
-- The reference for "exact ranges and groups" is `pressmark analyze
-- --format json` run on the buffer's current text: after every edit the
-- extmarks must equal what a fresh analysis of the whole text gives, so an
-- incremental update that missed or misplaced anything fails.  A few
-- assertions also name the words under a mark, so a test cannot pass by
-- both sides being empty.
local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
local api = vim.api
local rpc = require('pressmark.rpc')
local hl = require('pressmark.highlight')
local ns = api.nvim_create_namespace('pressmark')

local FR = {
  "Le ministre de l'Intérieur, Manuel Valls, a présenté mardi son plan contre le chômage.",
  '« Nous ne céderons rien », a déclaré Manuel Valls devant les députés.',
  '',
  "Selon l'Insee, le chômage a baissé de 3 % en 2015.",
}
local EN = {
  'The mayor, Jane Porter, spoke to reporters on Monday.',
  '"We will rebuild the harbour by 2027," said Jane Porter.',
  '',
  'Unemployment fell by 4 percent last year, according to the city.',
}

-- The live marks of `buf` and what a whole-file analysis of its text
-- says, as sorted lists of {group, row, col, end_row, end_col}.
local M = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/marks.lua')(T)
local marks, expected = M.live, M.expected

-- The text a mark covers.
local function text_of(buf, m)
  return table.concat(api.nvim_buf_get_text(buf, m[2], m[3], m[4], m[5], {}), '\n')
end

-- Marks of `group` as {row, text}.
local function words(buf, group)
  local out = {}
  for _, m in ipairs(marks(buf)) do
    if m[1] == group then
      table.insert(out, { m[2], text_of(buf, m) })
    end
  end
  return out
end


-- Waits until the marks equal a fresh analysis, then asserts it (so a
-- failure shows both sides).
local function settle(buf, what)
  local want = expected(buf)
  vim.wait(5000, function()
    return vim.deep_equal(marks(buf), want)
  end, 10)
  T.eq(marks(buf), want, what or 'marks')
  return want
end

local edits = 0
-- Opens a new file (a fresh name each time, so no test sees another's
-- buffer) holding `lines`.
local function edit(name, lines, eol)
  edits = edits + 1
  local path = T.write(edits .. '-' .. name, table.concat(lines, eol or '\n') .. (eol or '\n'))
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = api.nvim_get_current_buf()
  -- Buffers are attached once the command that read them is over.
  vim.wait(1000, function()
    return hl.state[buf] ~= nil
  end, 5)
  return buf, path
end

T.test('a French article is attached on :edit with exact marks and groups', function()
  local buf = edit('valls.txt', FR)
  T.eq(hl.state[buf] and hl.state[buf].mode, 'live')
  settle(buf)
  T.eq(words(buf, 'PressmarkQuote'), { { 1, 'Nous ne céderons rien' } })
  local speakers = words(buf, 'PressmarkSpeaker')
  T.eq(speakers[1], { 1, 'Manuel Valls' })
  -- ("Insee" or "l'Insee": the analyser decides; settle() checked the span)
  T.eq(speakers[2] and speakers[2][1], 3)
  T.matches(speakers[2] and speakers[2][2], 'Insee$')
  T.eq(#words(buf, 'PressmarkClaim') >= 1, true, 'claims found')
  -- one exact range: the quote between « and », in bytes
  T.eq(marks(buf)[3] ~= nil, true)
  local q = vim.tbl_filter(function(m)
    return m[1] == 'PressmarkQuote'
  end, marks(buf))[1]
  T.eq(q, { 'PressmarkQuote', 1, 3, 1, 25 })
end)

T.test('an English article gets its quote, speaker and claims', function()
  local buf = edit('porter.txt', EN)
  settle(buf)
  T.eq(words(buf, 'PressmarkQuote'), { { 1, 'We will rebuild the harbour by 2027,' } })
  T.eq(words(buf, 'PressmarkSpeaker')[1], { 1, 'Jane Porter' })
end)

T.test('marks are ordinary extmarks in the pressmark namespace, above syntax', function()
  local buf = edit('valls.txt', FR)
  settle(buf)
  local m = api.nvim_buf_get_extmarks(buf, ns, 0, -1, { details = true })[1]
  T.truthy(m[4].priority > 200, 'priority above the user level')
  T.eq(vim.fn.hlexists('PressmarkQuote'), 1)
  T.matches(vim.fn.execute('highlight PressmarkQuote'), 'links to String')
end)

T.test('typing a new quotation gets its mark', function()
  local buf = edit('valls.txt', FR)
  settle(buf)
  api.nvim_win_set_cursor(0, { 4, 0 })
  api.nvim_feedkeys('o« Le plan sera voté en juin », a affirmé Manuel Valls.\27', 'xt', false)
  settle(buf, 'after typing')
  T.eq(words(buf, 'PressmarkQuote'), { { 1, 'Nous ne céderons rien' }, { 4, 'Le plan sera voté en juin' } })
end)

T.test('deleting a closing mark removes the quote, undo brings it back, redo removes it', function()
  local buf = edit('porter.txt', EN)
  settle(buf)
  local quote = { { 1, 'We will rebuild the harbour by 2027,' } }
  T.eq(words(buf, 'PressmarkQuote'), quote)
  -- the second straight quote closes it; alone, the first opens nothing
  local close = select(2, api.nvim_buf_get_lines(buf, 1, 2, true)[1]:find('^"[^"]*"'))
  api.nvim_win_set_cursor(0, { 2, close - 1 })
  api.nvim_feedkeys('x', 'xt', false)
  T.eq(api.nvim_buf_get_lines(buf, 1, 2, true)[1]:sub(1, 6), '"We wi')
  settle(buf, 'after x')
  local broken = words(buf, 'PressmarkQuote')
  T.truthy(not vim.deep_equal(broken, quote), 'the quote mark is gone')
  vim.cmd('undo')
  settle(buf, 'after undo')
  T.eq(words(buf, 'PressmarkQuote'), quote)
  vim.cmd('redo')
  settle(buf, 'after redo')
  T.eq(words(buf, 'PressmarkQuote'), broken)
  vim.cmd('undo')
  settle(buf, 'after a second undo')
  T.eq(words(buf, 'PressmarkQuote'), quote)
end)

T.test('deleting a French closing guillemet changes the quote to what the analyser says', function()
  local buf = edit('valls.txt', FR)
  settle(buf)
  local close = api.nvim_buf_get_lines(buf, 1, 2, true)[1]:find('»', 1, true)
  api.nvim_win_set_cursor(0, { 2, close - 1 })
  api.nvim_feedkeys('x', 'xt', false)
  T.eq(api.nvim_buf_get_lines(buf, 1, 2, true)[1]:find('»', 1, true), nil, 'closing mark deleted')
  settle(buf, 'after x')
  T.truthy(not vim.deep_equal(words(buf, 'PressmarkQuote'), { { 1, 'Nous ne céderons rien' } }), 'the old quote mark is gone')
  vim.cmd('undo')
  settle(buf, 'after undo')
  T.eq(words(buf, 'PressmarkQuote'), { { 1, 'Nous ne céderons rien' } })
end)

T.test('an edit ripples forward: a role resolved 200 lines below follows the new name', function()
  local lines = { "Le ministre de l'Intérieur, Manuel Valls, a présenté mardi son plan." }
  for i = 2, 201 do
    lines[i] = 'La séance a repris dans le calme après une courte pause.'
  end
  lines[202] = "« Nous irons jusqu'au bout », a déclaré le ministre."
  local buf = edit('ripple.txt', lines)
  settle(buf)
  T.eq(rpc.request('pressmark_item_get', buf, 201, 5).speaker.name, 'Manuel Valls')
  local s, e = lines[1]:find('Manuel Valls', 1, true)
  api.nvim_buf_set_text(buf, 0, s - 1, 0, e, { 'Bernard Cazeneuve' })
  settle(buf, 'after renaming')
  local it = rpc.request('pressmark_item_get', buf, 201, 5)
  T.eq({ it.speaker.name, it.speaker.mention }, { 'Bernard Cazeneuve', 'le ministre' })
end)

T.test(':%s renames a speaker everywhere and the marks follow', function()
  local buf = edit('valls.txt', FR)
  settle(buf)
  vim.cmd('%s/Manuel Valls/Bernard Cazeneuve/g')
  settle(buf, 'after :%s')
  T.eq(words(buf, 'PressmarkSpeaker')[1], { 1, 'Bernard Cazeneuve' })
end)

T.test('pasting 10,000 lines highlights every pasted quotation', function()
  local buf = edit('valls.txt', FR)
  settle(buf)
  local lines = {}
  for i = 1, 10000 do
    lines[i] = i % 2 == 1 and ('« Réponse numéro %d », a répondu Paul Martin.'):format(i) or ''
  end
  vim.fn.setreg('a', lines, 'l')
  api.nvim_win_set_cursor(0, { 2, 0 })
  vim.cmd('normal! "ap')
  T.eq(api.nvim_buf_line_count(buf), 10004)
  settle(buf, 'after the paste')
  local q = words(buf, 'PressmarkQuote')
  T.eq(#q, 5001)
  T.eq(q[1], { 1, 'Nous ne céderons rien' })
  T.eq(q[2], { 2, 'Réponse numéro 1' })
  T.eq(q[5001], { 10000, 'Réponse numéro 9999' })
end)

T.test(':e! re-attaches: the file text is highlighted and edits still follow', function()
  local buf = edit('valls.txt', FR)
  settle(buf)
  api.nvim_buf_set_lines(buf, 0, 0, false, { '« Texte jamais écrit », a dit Paul.' })
  settle(buf, 'before :e!')
  vim.cmd('edit!')
  settle(buf, 'after :e!')
  T.eq(words(buf, 'PressmarkQuote'), { { 1, 'Nous ne céderons rien' } })
  api.nvim_buf_set_lines(buf, 2, 2, false, { '« Encore un mot », a dit Paul Martin.' })
  settle(buf, 'an edit after :e!')
  T.eq(words(buf, 'PressmarkQuote')[2], { 2, 'Encore un mot' })
end)

T.test(':w does not make updates stale', function()
  local buf = edit('valls.txt', FR)
  settle(buf)
  local before = hl.state[buf].batches
  api.nvim_buf_set_lines(buf, 3, 3, false, { '« Avant écriture », a dit Paul Martin.' })
  vim.cmd('write')
  settle(buf, 'after :w')
  T.eq(words(buf, 'PressmarkQuote')[2], { 3, 'Avant écriture' })
  T.truthy(hl.state[buf].batches > before, 'a batch applied after :w')
  vim.cmd('write')
  api.nvim_buf_set_lines(buf, 0, 0, false, { '« Après écriture », a dit Paul Martin.' })
  settle(buf, 'an edit after :w')
end)

T.test('a CRLF article and a BOM article land on the same words as LF', function()
  local lf = edit('plain.txt', FR)
  local want = settle(lf)
  local crlf = edit('crlf.txt', FR, '\r\n')
  T.eq(vim.bo[crlf].fileformat, 'dos')
  T.eq(settle(crlf), want)
  T.eq(marks(crlf), want)
  local bom_lines = vim.deepcopy(FR)
  bom_lines[1] = '\239\187\191' .. bom_lines[1]
  local bom = edit('bom.txt', bom_lines)
  T.eq(vim.bo[bom].bomb, true)
  settle(bom)
  T.eq(marks(bom), want)
  T.eq(words(bom, 'PressmarkQuote'), { { 1, 'Nous ne céderons rien' } })
end)

T.test(':Pressmark disable clears and stops, enable brings highlights back', function()
  local buf = edit('valls.txt', FR)
  settle(buf)
  vim.cmd('Pressmark disable')
  T.eq(marks(buf), {})
  T.eq(hl.state[buf], nil)
  api.nvim_buf_set_lines(buf, 0, 0, false, { '« Pendant la pause », a dit Paul Martin.' })
  vim.wait(200)
  T.eq(marks(buf), {}, 'no marks while disabled')
  vim.cmd('doautocmd FileType')
  vim.wait(100)
  T.eq(marks(buf), {}, 'not attached again by autocommands')
  vim.cmd('Pressmark enable')
  settle(buf, 'after enable')
  T.eq(words(buf, 'PressmarkQuote')[1], { 0, 'Pendant la pause' })
end)

T.test('setup{min_score} applies to an attached buffer on :Pressmark enable', function()
  local lines = vim.list_extend(vim.deepcopy(FR), { 'Il pleuvait ce matin.', 'Rien ne bouge.' })
  local buf = edit('scores.txt', lines)
  settle(buf)
  local before = #words(buf, 'PressmarkClaim')
  require('pressmark').setup({ min_score = 0 })
  vim.cmd('Pressmark enable')
  T.wait(3000, function()
    return #words(buf, 'PressmarkClaim') > before
  end, 'more claims at min_score 0 (had ' .. before .. ')')
  require('pressmark').setup({})
  vim.cmd('Pressmark enable')
  settle(buf, 'back to the default threshold')
  T.eq(#words(buf, 'PressmarkClaim'), before)
end)

T.test('other filetypes are not attached; setup{patterns} attaches them', function()
  local buf = edit('notes.log', FR)
  vim.wait(100)
  T.eq(hl.state[buf], nil)
  require('pressmark').setup({ patterns = { '*.article' } })
  local art = edit('story.article', FR)
  T.eq(hl.state[art] and hl.state[art].mode, 'live')
  settle(art)
  require('pressmark').setup({})
end)

T.test('an article over max_bytes gets a message and the visible lines only', function()
  require('pressmark').setup({ max_bytes = 4096 })
  local lines = {}
  for i = 1, 400 do
    lines[i] = ('« Citation numéro %d », a dit Paul Martin.'):format(i)
  end
  local n = #T.notices
  local buf = edit('big.txt', lines)
  T.eq(hl.state[buf] and hl.state[buf].mode, 'view')
  local msg
  for i = n + 1, #T.notices do
    msg = msg or (T.notices[i].msg:find('visible lines only') and T.notices[i].msg)
  end
  T.matches(msg, '^pressmark: %d+%-big%.txt is 0%.0 MB and 400 lines %(over max_bytes')
  T.wait(3000, function()
    return #words(buf, 'PressmarkQuote') > 0
  end, 'marks in view')
  local q = words(buf, 'PressmarkQuote')
  T.eq(q[1], { 0, 'Citation numéro 1' })
  T.truthy(q[#q][1] < 200, 'no marks far below the view (last at ' .. q[#q][1] .. ')')
  vim.cmd('normal! G')
  -- Headless Neovim has no screen to scroll: fire what a UI would.
  api.nvim_exec_autocmds('CursorMoved', { buffer = buf })
  T.wait(3000, function()
    local w = words(buf, 'PressmarkQuote')
    return #w > 0 and w[#w][1] == 399
  end, 'marks at the end after scrolling')
  T.eq(words(buf, 'PressmarkQuote')[1][1] > 100, true, 'marks of the old view gone')
  require('pressmark').setup({})
end)

T.test('item_get answers with the quote, its speaker and how it was found', function()
  local buf = edit('valls.txt', FR)
  settle(buf)
  local it = rpc.request('pressmark_item_get', buf, 1, 5)
  T.eq({ it.kind, it.text, it.quote_kind, it.row, it.col, it.end_row, it.end_col },
    { 'quote', 'Nous ne céderons rien', 'quote', 1, 3, 1, 25 })
  T.eq({ it.speaker.name, it.speaker.mention, it.speaker.how, it.speaker.stance },
    { 'Manuel Valls', 'Manuel Valls', 'verb-after', 'neutral' })
  local sp = rpc.request('pressmark_item_get', buf, 1, it.speaker.col + 1)
  T.eq(sp.kind, 'speaker')
  T.eq(rpc.request('pressmark_item_get', buf, 2, 0), vim.NIL)
  local claims = rpc.request('pressmark_items_get', buf, 'claims')
  T.truthy(#claims >= 1, 'claims listed')
  T.truthy(type(claims[1].reasons) == 'table' and #claims[1].reasons > 0, 'reasons listed')
  T.eq(#rpc.request('pressmark_items_get', buf, 'quotes'), #words(buf, 'PressmarkQuote') + #words(buf, 'PressmarkIndirect'))
  local ok, err = pcall(rpc.request, 'pressmark_items_get', buf, 'nope')
  T.eq(ok, false)
  T.matches(err, 'kind must be quotes, claims or speakers')
end)

-- A headline quote and follow-ons borrow the mention "said Jane Porter"
-- introduces (recall.c): the name is one speaker item, and at it the
-- quote it introduces answers (verb-after), not the first one borrowing it.
local PORTER = {
  '"We will not back down": the mayor defends the harbour plan',
  '',
  'The city council voted on Monday to rebuild the harbour by 2027.',
  '',
  '"We will not back down," said Jane Porter on Tuesday. "The harbour is the heart of this town." "Every delay costs us money."',
}

T.test('a mention several quotes share is one speaker item, told by the quote it introduces', function()
  local buf = edit('porter.txt', PORTER)
  settle(buf)
  T.eq(words(buf, 'PressmarkSpeaker'), { { 4, 'Jane Porter' } })
  local sp = rpc.request('pressmark_item_get', buf, 4, 35)
  T.eq({ sp.kind, sp.text, sp.speaker.how }, { 'speaker', 'Jane Porter', 'verb-after' })
  local items = rpc.request('pressmark_items_get', buf, 'speakers')
  T.eq(#items, 1)
  T.eq(items[1].speaker.how, 'verb-after')
  local follow = rpc.request('pressmark_item_get', buf, 4, 60)
  T.eq({ follow.kind, follow.speaker.how, follow.speaker.col }, { 'quote', 'follow-on', 30 })
  -- unattached, through pressmark_analysis_get: the same single mention
  vim.cmd('enew')
  local scratch = api.nvim_get_current_buf()
  api.nvim_buf_set_lines(scratch, 0, -1, true, PORTER)
  local a = rpc.request('pressmark_analysis_get', scratch)
  T.eq(#a.speakers, 1)
  T.eq({ a.speakers[1].mention, a.speakers[1].how }, { 'Jane Porter', 'verb-after' })
end)

T.test('a quotation inside a reported clause: both marks, the quote drawn over, the innermost under the cursor', function()
  local line = "Le prévenu, Kévin Rouxel, a reconnu qu'il ne l'avait « pas vu »."
  local buf = edit('rouxel.txt', { line, '', 'Selon Anne Roux, le texte est « bâclé » et sera retiré.' })
  settle(buf)
  T.eq(words(buf, 'PressmarkIndirect'), { { 0, "il ne l'avait « pas vu »" }, { 2, 'le texte est « bâclé » et sera retiré' } })
  T.eq(words(buf, 'PressmarkQuote'), { { 0, 'pas vu' }, { 2, 'bâclé' } })
  local prio = {}
  for _, m in ipairs(api.nvim_buf_get_extmarks(buf, ns, 0, -1, { details = true })) do
    prio[m[4].hl_group] = m[4].priority
  end
  T.truthy(prio.PressmarkQuote > prio.PressmarkIndirect, 'the quote draws over its clause')
  local qcol = line:find('pas vu', 1, true) - 1
  local it = rpc.request('pressmark_item_get', buf, 0, qcol + 1)
  T.eq({ it.kind, it.quote_kind, it.text, it.speaker.name }, { 'quote', 'quote', 'pas vu', 'Kévin Rouxel' })
  local cl = rpc.request('pressmark_item_get', buf, 0, (line:find('avait', 1, true)))
  T.eq({ cl.quote_kind, cl.speaker.name }, { 'indirect', 'Kévin Rouxel' })
  -- unattached, through pressmark_analysis_get: the same innermost choice
  vim.cmd('enew')
  local scratch = api.nvim_get_current_buf()
  api.nvim_buf_set_lines(scratch, 0, -1, true, { line })
  local notes = require('pressmark.notes')
  local got = notes.item_at(scratch, 0, qcol + 1)
  T.eq({ got.item, got.kind, got.speaker }, { 'quote', 'quote', 'Kévin Rouxel' })
  local outer = notes.item_at(scratch, 0, (line:find('avait', 1, true)))
  T.eq({ outer.item, outer.kind }, { 'quote', 'indirect' })
end)

T.done()
