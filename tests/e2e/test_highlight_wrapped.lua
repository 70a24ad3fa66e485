-- test_highlight_wrapped.lua - live highlights of a hard-wrapped article
-- in a real headless Neovim: a paragraph runs over several lines, and the
-- process analyses the buffer in blocks of about 8 KiB, so many paragraphs
-- cross a block's end.  The marks must equal what `pressmark analyze`
-- finds in the same file, on :edit and after edits that join or split
-- paragraphs (a blank line removed or added, a line made to run on).
-- Cut at any line, such a paragraph read as two: its quotation was lost or
-- cut and its speaker missing.
local T = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/harness.lua')
local api = vim.api
local hl = require('pressmark.highlight')

-- Paragraphs of an invented article, each hard-wrapped below; %d makes
-- every copy different, its quotation too (a quotation seen before is
-- read as a recall of the first, whose speaker it borrows).
local PARAS = {
  'The harbour commission met on Tuesday evening, for the %dth time this year, to weigh'
    .. ' the plan for the old docks, which the mayor, Dana Okafor, has defended since the'
    .. ' spring. "We will not sell pier %d to a private developer, whatever the'
    .. ' province decides about the budget," said Okafor, who chairs the board and plans'
    .. ' to run again next year.',
  'The transport minister, Alan Whitby, presented a security plan for the ports of'
    .. ' the west coast to the committee on Wednesday. "We will not give an inch on the'
    .. ' safety of the %d quays and warehouses, this year or the next," Whitby told the'
    .. ' committee, before leaving for the capital in the evening.',
  'The opposition leader, Marcus Hale, answered that the plan came %d years late.'
    .. ' "The docks have waited for %d months and the council has nothing to show for it'
    .. ' but reports and promises," Hale told reporters on Monday in a short statement'
    .. ' outside the town hall, before the evening vote on the harbour budget.',
  'According to the port authority, traffic fell by %d percent in two years, and the'
    .. ' dockers fear for their jobs. "They have promised us new cranes for %d months and'
    .. ' nothing comes," said Sylvia Marsh, a union delegate, after the meeting.',
}

-- Greedy wrap at `width` bytes.
local function wrap(text, width)
  local lines, cur = {}, ''
  for word in text:gmatch('%S+') do
    if cur == '' then
      cur = word
    elseif #cur + 1 + #word <= width then
      cur = cur .. ' ' .. word
    else
      table.insert(lines, cur)
      cur = word
    end
  end
  table.insert(lines, cur)
  return lines
end

-- An article of `n` paragraphs wrapped at 72 columns, blank lines between.
local function article(n)
  local out = {}
  for i = 1, n do
    for _, l in ipairs(wrap(PARAS[(i - 1) % #PARAS + 1]:format(i, i), 72)) do
      table.insert(out, l)
    end
    table.insert(out, '')
  end
  return out
end

-- The live marks of `buf` and what `pressmark analyze` says of its text,
-- as sorted lists of {group, row, col, end_row, end_col}.
local M = dofile(os.getenv('PRESSMARK_ROOT') .. '/tests/e2e/marks.lua')(T)
local marks, expected = M.live, M.expected

-- Waits until the marks equal the command line's, then asserts it (a
-- failure names the first mark that differs rather than dumping both).
local function settle(buf, what)
  local want = expected(buf)
  vim.wait(5000, function()
    return vim.deep_equal(marks(buf), want)
  end, 10)
  local got = marks(buf)
  for i = 1, math.max(#got, #want) do
    if not vim.deep_equal(got[i], want[i]) then
      error(('%s: mark %d of %d/%d: editor %s, pressmark analyze %s'):format(what or 'marks', i, #got,
        #want, vim.inspect(got[i]), vim.inspect(want[i])), 2)
    end
  end
  return want
end

-- Marks of `group` that run over more than one line.
local function multiline(ms, group)
  local n = 0
  for _, m in ipairs(ms) do
    if m[1] == group and m[4] > m[2] then
      n = n + 1
    end
  end
  return n
end

local edits = 0
local function edit(name, lines)
  edits = edits + 1
  local path = T.write(edits .. '-' .. name, table.concat(lines, '\n') .. '\n')
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = api.nvim_get_current_buf()
  vim.wait(1000, function()
    return hl.state[buf] ~= nil
  end, 5)
  return buf
end

-- The rows of blank lines in `buf`.
local function blanks(buf)
  local out = {}
  for i, l in ipairs(api.nvim_buf_get_lines(buf, 0, -1, true)) do
    if l == '' then
      table.insert(out, i - 1)
    end
  end
  return out
end

T.test('a wrapped article of several blocks has the marks pressmark analyze finds', function()
  local lines = article(160)
  local bytes = #table.concat(lines, '\n')
  T.truthy(bytes > 5 * 8192, 'several blocks: ' .. bytes .. ' bytes')
  local buf = edit('wrapped.txt', lines)
  local want = settle(buf, 'on :edit')
  -- quotations and their speakers over line ends, every paragraph's
  T.truthy(multiline(want, 'PressmarkQuote') >= 120, 'multi-line quotations: ' .. multiline(want, 'PressmarkQuote'))
  local speakers = 0
  for _, m in ipairs(want) do
    speakers = speakers + (m[1] == 'PressmarkSpeaker' and 1 or 0)
  end
  T.truthy(speakers >= 150, 'speakers: ' .. speakers)
end)

T.test('joining and splitting wrapped paragraphs keeps the marks equal to pressmark analyze', function()
  local buf = edit('edited.txt', article(160))
  settle(buf, 'on :edit')
  -- remove blank lines, so two paragraphs read as one (the blocks' ends move)
  for _, k in ipairs({ 30, 61, 95 }) do
    local row = blanks(buf)[k]
    api.nvim_buf_set_lines(buf, row, row + 1, true, {})
    settle(buf, 'after removing blank line ' .. k)
  end
  -- add blank lines inside paragraphs, so one reads as two
  for _, row in ipairs({ 200, 333, 401, 402 }) do
    api.nvim_buf_set_lines(buf, row, row, true, { '' })
    settle(buf, 'after a blank line at row ' .. row)
  end
  -- a paragraph's first line made to run on from the line before, by typing
  local row = blanks(buf)[50] + 1
  api.nvim_win_set_cursor(0, { row, 0 })
  api.nvim_feedkeys('0x', 'xt', false)
  settle(buf, 'after x at a paragraph start')
  api.nvim_buf_set_lines(buf, row - 1, row, true, {})
  settle(buf, 'after deleting a blank line by set_lines')
  vim.cmd('silent undo')
  settle(buf, 'after undo')
end)

T.test('an article wrapped from its head on reads wrapped, unwrapped again a line a paragraph', function()
  -- one paragraph a line: the reading is decided from the first 16 KiB
  local flat = {}
  for i = 1, 80 do
    table.insert(flat, PARAS[(i - 1) % #PARAS + 1]:format(i, i))
  end
  local buf = edit('flat.txt', flat)
  settle(buf, 'a paragraph a line')
  -- its head wrapped in place: the whole buffer reads wrapped
  local wrapped = {}
  for i = 1, 60 do
    for _, l in ipairs(wrap(flat[i], 72)) do
      table.insert(wrapped, l)
    end
    table.insert(wrapped, '')
  end
  api.nvim_buf_set_lines(buf, 0, 60, true, wrapped)
  settle(buf, 'after wrapping the head')
  T.truthy(multiline(marks(buf), 'PressmarkQuote') > 40, 'multi-line quotations')
  vim.cmd('silent undo')
  settle(buf, 'after undo')
end)

T.done()
