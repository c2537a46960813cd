// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.PARALLAX_SITE ?? 'https://parallax.example',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
