/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// protocol and repeated in
 * index.html for the dev server and the test bridge. Styles need 'unsafe-inline' because xterm.js
 * and React's style props write inline styles; scripts never do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
