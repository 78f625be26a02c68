declare module 'virtual:webllm-catalog' {
  const entries: import('./catalog/catalog-types').CatalogEntry[];
  export default entries;
}

/** The pinned @mlc-ai/web-llm version, from package.json (vite.config.ts `define`). */
declare const __WEBLLM_VERSION__: string;
