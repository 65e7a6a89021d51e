// ESLint: typescript-eslint's recommended rules, and the layer rules of docs/architecture.md. The layer table
// below is the one the diagram there draws; change both together.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import i18next from 'eslint-plugin-i18next';
import tseslint from 'typescript-eslint';

/** Folders and what each may import (besides itself). Entry points may import any of them; nothing imports an entry point. */
const LAYERS = {
  data: [],
  core: ['data'],
  shared: ['core', 'data'],
  content: ['core', 'data', 'shared'],
  ui: ['core', 'data', 'shared'],
  background: ['core', 'data', 'shared'],
  validation: ['core', 'data'],
};

/**
 * Files that break a layer rule today, each for one named reason, so the exception cannot spread to the
 * rest of its folder. Remove an entry as soon as its file complies.
 */
const EXCEPTIONS = [
  // Shadow-root hosts on the page render components of src/ui (the card, the save dialog) into their roots.
  { file: 'src/content/popover/index.ts', alsoAllow: ['ui'] },
  { file: 'src/content/reader-dossier/save-dialog-host.ts', alsoAllow: ['ui'] },
];

/** Extension APIs: only the thin layers (entrypoints, src/shared, src/background, src/ui pages) call them. */
const EXTENSION_APIS = [
  { name: 'wxt/browser', message: 'page-side and pure code get extension APIs injected (src/shared or the entry point).' },
  { name: 'wxt/utils/storage', message: 'settings go through src/shared/settings.' },
  { name: 'webextension-polyfill', message: 'page-side and pure code get extension APIs injected.' },
];
const EXTENSION_API_PATTERNS = [{ group: ['@webext-core/*'], message: 'messaging goes through src/shared/messages.' }];

const elements = [
  { type: 'entrypoint', pattern: 'entrypoints/**', partialMatch: false },
  ...Object.keys(LAYERS).map((layer) => ({ type: layer, pattern: `src/${layer}/**`, partialMatch: false })),
];

// Later policies win over earlier ones: the exceptions come last.
const policies = [
  { from: { element: { type: 'entrypoint' } }, allow: { to: { element: { types: { anyOf: ['entrypoint', ...Object.keys(LAYERS)] } } } } },
  ...Object.entries(LAYERS).map(([layer, deps]) => ({
    from: { element: { type: layer } },
    allow: { to: { element: { types: { anyOf: [layer, ...deps] } } } },
  })),
  ...EXCEPTIONS.map(({ file, alsoAllow }) => ({
    from: { file: { categories: file } },
    allow: { to: { element: { types: { anyOf: alsoAllow } } } },
  })),
];

export default tseslint.config(
  // tests/fixtures holds pages and page scripts that play a web site (some of them hostile), not Dossier's code.
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.demo-output/**', 'coverage/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `import('…')` types are how an ambient module declaration (src/content/page-data-module.d.ts) names a type.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    // Text folding works on the code points themselves: classes of combining marks and joiners, and the NUL that
    // separates quote tokens, are the point of these patterns.
    files: ['src/core/normalize.ts', 'src/core/quote-tokens.ts'],
    rules: { 'no-misleading-character-class': 'off', 'no-control-regex': 'off' },
  },
  {
    // An escaped `[` in the class that escapes regex syntax characters: harmless, kept until the matcher work ends.
    files: ['src/core/alias-pattern.ts'],
    rules: { 'no-useless-escape': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': EXCEPTIONS.map(({ file }) => ({ category: file, pattern: file })),
      'boundaries/include': ['src/**/*', 'entrypoints/**/*'],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
    },
  },
  {
    files: ['src/content/**/*.{ts,tsx}', 'src/core/**/*.ts', 'src/data/**/*.ts', 'src/validation/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: EXTENSION_APIS.map((p) => ({ ...p, allowTypeImports: true })),
          patterns: EXTENSION_API_PATTERNS.map((p) => ({ ...p, allowTypeImports: true })),
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'tests/**/*.{ts,tsx}', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Words a reader sees come from locales/*.yml (docs/localisation.md): a literal in JSX text, in a JSX expression
    // or in an attribute a reader sees (or hears) fails. Punctuation and numbers between messages are not words.
    files: ['src/ui/**/*.tsx', 'entrypoints/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['title', 'aria-label', 'aria-description', 'aria-valuetext', 'placeholder', 'alt', 'label', 'all', 'empty'] },
          'should-validate-template': true,
          callees: { exclude: ['t', 'plural', 'wordingLabel'] },
          // "Aa" is the sample of a highlight's look beside each category switch, not a word.
          words: { exclude: [/^[\p{P}\p{S}\p{N}\p{Z}\s]*$/u, /^Aa$/] },
        },
      ],
    },
  },
  {
    // Raw DevTools-protocol and WebDriver BiDi replies: puppeteer-core gives them no types.
    files: ['tests/e2e/lib/card.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
