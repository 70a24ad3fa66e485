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
  desc = 'pressmark: :Pressmark {subcommand}',
  complete = function(arglead, cmdline)
    return require('pressmark').complete(arglead, cmdline)
  end,
})
