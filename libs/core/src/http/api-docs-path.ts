/**
 * Where the API docs are served: the UI at `/docs`, the document at `/docs-json` (and
 * `/docs-yaml`). Known here because the docs' pages need security headers of their own.
 */
export const API_DOCS_PATH = 'docs';
