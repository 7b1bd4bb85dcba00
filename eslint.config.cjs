'use strict';
// ESLint's recommended rules over the project's JavaScript (scripts/lint.sh runs it; ESLint is
// installed into target/lint by scripts/setup-lint.sh, so the modules are resolved from there).
const path = require('node:path');
const lintModules = { paths: [path.join(__dirname, 'target', 'lint', 'node_modules')] };
const js = require(require.resolve('@eslint/js', lintModules));
const globals = require(require.resolve('globals', lintModules));

module.exports = [
  { ignores: ['**/node_modules/**', '**/target/**'] },
  {
    files: ['**/*.js', '**/*.cjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: {
      // unused parameters (the test context `t`, callback signatures) and caught errors are fine
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
      // rules the code already follows and marks its exceptions to
      'no-new-wrappers': 'error',
      'no-throw-literal': 'error',
    },
  },
];
