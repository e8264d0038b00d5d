// The render pipeline (server side). Browser code imports '@/lib/render/scan' instead.
export { renderMarkdown, renderStreaming } from './markdown';
export { renderInline, renderAbstract, renderPaperFields, RENDER_VERSION } from './paper';
export { plainText } from './plain';
