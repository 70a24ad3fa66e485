-- config.lua - pressmark's options: one schema, defaults, validation.
--
-- Options come from vim.g.pressmark (read when first needed) and from
-- require('pressmark').setup(opts), deep-merged over the defaults in that
-- order.  Unknown keys and wrong types are reported with vim.notify and
-- ignored (the default stays), so a typo never breaks start-up.
--
-- To add an option, add one entry to M.schema: { type, default,
-- description }; `type` is a Lua type name or a list of them ('nil' makes
-- it optional); nested option groups use `fields` instead of `default`.
local M = {}

---@class pressmark.OptionSpec
---@field type string|string[] accepted Lua type(s)
---@field default any
---@field description string
---@field fields? table<string, pressmark.OptionSpec> nested group

---@type table<string, pressmark.OptionSpec>
M.schema = {
  cmd = {
    type = { 'table', 'nil' },
    default = nil,
    description = 'command list that starts the process, e.g. { "/opt/pressmark/bin/pressmark", "serve" }; '
      .. 'default: $PRESSMARK_BIN, then the plugin\'s build/pressmark, then pressmark on $PATH',
  },
  author = {
    type = { 'string', 'nil' },
    default = nil,
    description = 'author written into new notes; default: `git config user.name`, else $USER',
  },
  mappings = {
    type = 'boolean',
    default = false,
    description = 'set the suggested key mappings (|pressmark-mappings|); off by default',
  },
  signs = {
    type = 'boolean',
    default = true,
    description = 'a sign in the sign column on lines holding a note',
  },
  badges = {
    type = 'boolean',
    default = true,
    description = 'the verdict as virtual text at the end of a note\'s line',
  },
  highlights = {
    type = 'boolean',
    default = true,
    description = 'attach article buffers and draw live highlights (|pressmark-highlights|)',
  },
  filetypes = {
    type = 'table',
    default = { 'text', 'markdown' },
    description = 'filetypes whose buffers are attached when read',
  },
  patterns = {
    type = 'table',
    default = {},
    description = 'file patterns (as for autocommands, e.g. "*/articles/*.md") whose buffers are attached too',
  },
  max_bytes = {
    type = 'number',
    default = 10 * 1024 * 1024,
    description = 'larger buffers get highlights for the visible lines only (at most 24 MiB)',
  },
  max_lines = {
    type = 'number',
    default = 1000000,
    description = 'buffers with more lines get highlights for the visible lines only',
  },
  min_score = {
    type = { 'number', 'nil' },
    default = nil,
    description = 'claims are sentences scoring at least this (0..1); default: the analyser\'s (0.5)',
  },
  lang = {
    type = 'string',
    default = 'auto',
    description = 'article language: "auto" (detected per buffer), "fr" or "en"',
  },
  log_file = {
    type = { 'string', 'nil' },
    default = nil,
    description = 'file the process appends its log to ($PRESSMARK_LOG); default: its stderr, '
      .. 'shown when it exits with an error',
  },
}

local function defaults(schema)
  local out = {}
  for k, spec in pairs(schema) do
    if spec.fields then
      out[k] = defaults(spec.fields)
    else
      out[k] = vim.deepcopy(spec.default)
    end
  end
  return out
end

local function type_ok(spec, v)
  local types = type(spec.type) == 'table' and spec.type or { spec.type }
  for _, t in ipairs(types) do
    if type(v) == t then
      return true
    end
  end
  return false
end

-- Removes unknown or mistyped keys from `opts` (a copy), collecting problems.
local function validate(schema, opts, prefix, problems)
  local clean = {}
  for k, v in pairs(opts) do
    local spec = schema[k]
    local name = prefix .. tostring(k)
    if not spec then
      table.insert(problems, ('unknown option %q'):format(name))
    elseif spec.fields then
      if type(v) == 'table' then
        clean[k] = validate(spec.fields, v, name .. '.', problems)
      else
        table.insert(problems, ('option %q must be a table, got %s'):format(name, type(v)))
      end
    elseif not type_ok(spec, v) then
      local want = type(spec.type) == 'table' and table.concat(spec.type, ' or ') or spec.type
      table.insert(problems, ('option %q must be %s, got %s'):format(name, want, type(v)))
    else
      clean[k] = v
    end
  end
  return clean
end

---@type table|nil
local current = nil
---@type string[]
M.problems = {}

--- Merges `opts` (and vim.g.pressmark) over the defaults and makes the
--- result current.  Reports problems with vim.notify; never throws.
---@param opts? table
function M.set(opts)
  local problems = {}
  local merged = defaults(M.schema)
  local sources = { vim.g.pressmark, opts }
  for i = 1, 2 do -- not ipairs: either may be nil
    local src = sources[i]
    if type(src) == 'table' then
      local clean = validate(M.schema, src, '', problems)
      merged = vim.tbl_deep_extend('force', merged, clean)
      -- tbl_deep_extend cannot set a key to nil; explicit lists replace.
      for _, list in ipairs({ 'cmd', 'filetypes', 'patterns' }) do
        if clean[list] then
          merged[list] = clean[list]
        end
      end
    elseif src ~= nil then
      table.insert(problems, 'options must be a table, got ' .. type(src))
    end
  end
  current = merged
  M.problems = problems
  if #problems > 0 then
    vim.notify('pressmark: ' .. table.concat(problems, '; '), vim.log.levels.WARN)
  end
end

--- The current options (defaults merged with vim.g.pressmark when setup()
--- was never called).
---@return table
function M.get()
  if not current then
    M.set(nil)
  end
  return current
end

return M
