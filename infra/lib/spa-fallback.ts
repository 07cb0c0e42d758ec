// The SPA fallback, scoped: a CloudFront Function (viewer request, default behaviour) sends every path whose last
// segment has no dot (`/`, `/auth/callback`, `/regions/us-east-1/stages/…`) to /index.html, and leaves every
// other path alone. A file that does not exist (`/assets/gone.js`, `/favicon.ico`) therefore reaches S3 and is
// answered 404, instead of index.html with 200, which a browser would report as a module MIME-type error.
// The app's routes never end in a segment with a dot: every id in a path is percent-encoded and IVS ids, ARNs and
// region codes contain none (src/config/paths.ts).
//
// The source is plain ES5.1-compatible JavaScript for the cloudfront-js-2.0 runtime. It is kept here as text so
// that the stack deploys exactly what the unit test runs (test/spa-fallback.test.ts evaluates it in Node).
export const SPA_FALLBACK_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
`;
