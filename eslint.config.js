import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import pluginQuery from '@tanstack/eslint-plugin-query'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import checkFile from 'eslint-plugin-check-file'
import globals from 'globals'

/*
 * The import direction (docs/architecture.md): src/api (contract, no React) ← features ← app shell.
 * src/components and src/lib know no feature; features never import each other and read the
 * session only through the shell's context; server/ imports only src/api; src/ never imports server/.
 * Each zone forbids imports INTO `target` FROM `from` (paths relative to this file).
 */
const BOUNDARIES = [
  { target: './src', from: './server', message: 'src/ never imports server/.' },
  { target: './src/api', from: './src', except: ['./api'], message: 'src/api is the contract: it imports nothing else from src/.' },
  {
    target: ['./src/components', './src/lib'],
    from: ['./src/features', './src/app'],
    message: 'Generic code (components, lib) knows no feature and no app shell.',
  },
  {
    target: './src/features/auth',
    from: './src/features',
    except: ['./auth'],
    message: 'Features do not import each other; share through the app shell (src/app/session-context.tsx).',
  },
  {
    target: './src/features/sip-accounts',
    from: './src/features',
    except: ['./sip-accounts'],
    message: 'Features do not import each other; share through the app shell (src/app/session-context.tsx).',
  },
  {
    target: './src/features',
    from: './src/app',
    except: ['./session-context.tsx'],
    message: 'Features read the app shell only through its context (src/app/session-context.tsx).',
  },
  { target: './server', from: './src', except: ['./api'], message: 'server/ imports only the contract from src/api.' },
  { target: './src/locales', from: './src', except: ['./locales'], message: 'Catalogues are data: they import nothing from src/.' },
]

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'test-results', 'bench-results', 'coverage', 'test/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: BOUNDARIES }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx,js,mjs,css}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { '{src,server,test,scripts,docs}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['src/api/**'],
    ignores: ['src/api/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', '@tanstack/*'], message: 'src/api has no React' }] }],
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', '@tanstack/*'], message: 'server/ has no React' }] }],
    },
  },
)
