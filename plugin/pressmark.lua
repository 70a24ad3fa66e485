-- plugin/pressmark.lua - defines :Pressmark and nothing heavy: modules are
-- required inside the callbacks, and the process starts on first use.
-- No default key mappings.
if vim.g.loaded_pressmark then
  return
end
vim.g.loaded_pressmark = true

vim.api.nvim_create_user_command('Pressmark', function(o)
  require('pressmark').command(o.fargs, o)
end, {
  nargs = '*',
  range = true, -- :'<,'>Pressmark note annotates a Visual selection
  desc = 'pressmark: :Pressmark {subcommand}',
  complete = function(arglead, cmdline)
    return require('pressmark').complete(arglead, cmdline)
  end,
})

-- <Plug> mappings for the notes commands; none is mapped to a key unless
-- setup{mappings = true} (see :help pressmark-mappings).
for _, m in ipairs({
  { 'note', 'edit the note under the cursor' },
  { 'show', 'show the quote, speaker and note under the cursor' },
  { 'delete', 'delete the note under the cursor' },
  { 'dismiss', 'mark the detection under the cursor as wrong' },
  { 'list', 'list the notes in the location list' },
  { 'next', 'go to the next note' },
  { 'prev', 'go to the previous note' },
}) do
  vim.keymap.set('n', '<Plug>(pressmark-' .. m[1] .. ')', '<Cmd>Pressmark ' .. m[1] .. '<CR>', { desc = 'pressmark: ' .. m[2] })
end
vim.keymap.set('x', '<Plug>(pressmark-note)', ':Pressmark note<CR>', { silent = true, desc = 'pressmark: annotate the selection' })
for _, v in ipairs({ 'true', 'mostly-true', 'mixed', 'misleading', 'false', 'unverifiable', 'opinion' }) do
  vim.keymap.set('n', '<Plug>(pressmark-verdict-' .. v .. ')', '<Cmd>Pressmark verdict ' .. v .. '<CR>', { desc = 'pressmark: verdict ' .. v })
end

-- Live highlights (lua/pressmark/highlight.lua): article buffers (setup
-- options `filetypes`, `patterns`) are attached when read; the process
-- follows their changes by itself.
local hl_group = vim.api.nvim_create_augroup('pressmark_highlight', { clear = true })
vim.api.nvim_create_autocmd({ 'FileType', 'BufReadPost', 'BufNewFile' }, {
  group = hl_group,
  callback = function(ev)
    require('pressmark.highlight').auto(ev.buf)
  end,
})
vim.api.nvim_create_autocmd({ 'BufUnload', 'BufWipeout', 'ColorScheme' }, {
  group = hl_group,
  callback = function(ev)
    local hl = package.loaded['pressmark.highlight']
    if hl and ev.event == 'ColorScheme' then
      hl.define()
    elseif hl then
      hl.forget(ev.buf)
    end
  end,
})

-- The sidecar lifecycle (lua/pressmark/notes.lua): load on read, follow
-- the article's digest on write, reload when the sidecar changed on disk
-- (it is not a loaded buffer, so :checktime never sees it).  The module is
-- required only by buffers that need it.
local notes_group = vim.api.nvim_create_augroup('pressmark_notes', { clear = true })
local function on(events, handler, only_loaded)
  vim.api.nvim_create_autocmd(events, {
    group = notes_group,
    callback = function(ev)
      if not only_loaded or package.loaded['pressmark.notes'] then
        require('pressmark.notes')[handler](ev)
      end
    end,
  })
end
on({ 'BufReadPost', 'FileType' }, 'on_read', false)
on('BufWritePost', 'on_write', true)
on({ 'FocusGained', 'BufEnter', 'CursorHold' }, 'on_focus', true)
on('BufWipeout', 'on_wipe', true)
on('ColorScheme', 'on_colorscheme', true)
