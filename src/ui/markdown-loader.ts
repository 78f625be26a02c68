/** Fetches the Markdown renderer chunk; called early (after start-up) so replies never wait for it. */
export const loadMarkdown = () => import('./markdown');
