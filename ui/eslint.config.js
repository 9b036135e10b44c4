// ESLint flat config for the UI: the standard recommended sets of ESLint,
// typescript-eslint and eslint-plugin-vue (Vue 3). The only changes to them are
// formatting-only template rules, below, that fight the layout the code uses
// throughout; no correctness rule is turned off or weakened.
import { defineConfig } from 'eslint/config'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/'],
  },

  js.configs.recommended,
  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],

  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser },
    },
  },

  // Single-file components: vue-eslint-parser for the template, the
  // TypeScript parser inside <script lang="ts">.
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.vue'],
        sourceType: 'module',
      },
    },
    rules: {
      // Formatting only: short tags keep several attributes on one line.
      'vue/max-attributes-per-line': 'off',
      // Formatting only: inline content such as <el-button>保存</el-button> stays on one line.
      'vue/singleline-html-element-content-newline': 'off',
      // Formatting only: void elements are written <col />, <img />, as everywhere in the code (components stay self-closing as the preset says).
      'vue/html-self-closing': ['warn', { html: { void: 'always', normal: 'always', component: 'always' }, svg: 'always', math: 'always' }],
    },
  },

  // Vitest tests run in Node with a jsdom window.
  {
    files: ['tests/**/*.ts'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
  },

  // Config files run in Node.
  {
    files: ['*.config.js', '*.config.ts'],
    languageOptions: {
      globals: { ...globals.node },
    },
  },
)
