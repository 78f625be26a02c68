declare module 'virtual:webllm-catalog' {
  const entries: import('./features/models/catalog-types').CatalogEntry[];
  export default entries;
}
