-- The Neovim end-to-end test of nix4j (run by NeovimEndToEndTest): starts `nix4j lsp` through
-- vim.lsp, opens a file, waits for its diagnostics, asks for a hover, and writes what it got
-- as JSON to $NIX4J_OUT, then quits. Works with Neovim 0.7 (Debian 12) and later.
local cmd = vim.fn.json_decode(os.getenv("NIX4J_CMD"))
local file = os.getenv("NIX4J_FILE")
local out = os.getenv("NIX4J_OUT")
local line = tonumber(os.getenv("NIX4J_HOVER_LINE")) -- 1-based
local col = tonumber(os.getenv("NIX4J_HOVER_COL")) -- 0-based
local result = { diagnostics = {}, hover = vim.NIL, errors = {} }

local function finish()
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  vim.bo.filetype = "nix"
  local id = vim.lsp.start_client({
    name = "nix4j",
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ":p:h"),
  })
  if not id then
    error("vim.lsp.start_client failed")
  end
  vim.lsp.buf_attach_client(0, id)
  vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, code = code,
    })
  end
  vim.api.nvim_win_set_cursor(0, { line, col })
  local params = vim.lsp.util.make_position_params()
  local responses = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 30000)
  for _, r in pairs(responses or {}) do
    if r.result and r.result.contents then
      result.hover = r.result.contents.value or r.result.contents
    end
    if r.err then
      table.insert(result.errors, vim.inspect(r.err))
    end
  end
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
end)
if not ok then
  table.insert(result.errors, tostring(err))
end
finish()
