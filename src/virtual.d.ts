declare module 'virtual:webllm-catalog' {
  const entries: import('./catalog/catalog-types').CatalogEntry[];
  export default entries;
}

/** The pinned @mlc-ai/web-llm version, from package.json (vite.config.ts `define`). */
declare const __WEBLLM_VERSION__: string;

/** Origins a deployer allowed remote panes to reach, beyond local servers (TANDEM_REMOTE_ORIGINS, build/csp.ts). */
declare const __TANDEM_REMOTE_ORIGINS__: readonly string[];
